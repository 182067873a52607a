import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { ENGINE_REST_URL, server } from '../testing/msw-server';
import { getCredentials, storeCredentials } from './credentials';
import { engineRequest, onUnauthorized } from './engine-client';
import { EngineError } from './engine-error';

describe('engineRequest', () => {
  it('sends JSON and query parameters, and parses the answer', async () => {
    let received: { url: string; body: unknown } | undefined;
    server.use(
      http.post(`${ENGINE_REST_URL}/process-instance/count`, async ({ request }) => {
        received = { url: request.url, body: await request.json() };
        return HttpResponse.json({ count: 3 });
      }),
    );

    const result = await engineRequest<{ count: number }>('/process-instance/count', {
      method: 'POST',
      query: { firstResult: 0, tenantIdIn: undefined, withIncidents: true },
      body: { processDefinitionKey: 'invoice' },
    });

    expect(result).toEqual({ count: 3 });
    expect(received).toEqual({
      url: `${ENGINE_REST_URL}/process-instance/count?firstResult=0&withIncidents=true`,
      body: { processDefinitionKey: 'invoice' },
    });
  });

  it('resolves 204 No Content with undefined', async () => {
    server.use(
      http.delete(`${ENGINE_REST_URL}/batch/b-1`, () => new HttpResponse(null, { status: 204 })),
    );

    await expect(engineRequest('/batch/b-1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it("throws Camunda's error type and message", async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/process-instance/nope`, () =>
        HttpResponse.json(
          { type: 'InvalidRequestException', message: 'No such instance', code: null },
          { status: 404 },
        ),
      ),
    );

    await expect(engineRequest('/process-instance/nope')).rejects.toEqual(
      new EngineError({
        status: 404,
        type: 'InvalidRequestException',
        message: 'No such instance',
      }),
    );
  });

  it('still throws an EngineError when the body is not JSON', async () => {
    server.use(
      http.get(
        `${ENGINE_REST_URL}/version`,
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
    );

    const error: unknown = await engineRequest('/version').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ status: 502, type: 'HttpError' });
  });

  it("explains a 401 with an empty body, as Camunda's authentication filter sends it", async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/version`, () => new HttpResponse(null, { status: 401 })),
    );

    const error: unknown = await engineRequest('/version', {
      credentials: { username: 'demo', password: 'wrong' },
    }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      status: 401,
      type: 'Unauthorized',
      message: expect.stringContaining('did not accept the credentials') as string,
    });
  });

  it('signs the user out on 401 and tells the listeners', async () => {
    storeCredentials({ username: 'demo', password: 'expired' });
    server.use(
      http.get(
        `${ENGINE_REST_URL}/process-definition`,
        () => new HttpResponse(null, { status: 401 }),
      ),
    );
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);

    await expect(engineRequest('/process-definition')).rejects.toMatchObject({ status: 401 });

    unsubscribe();
    expect(listener).toHaveBeenCalledOnce();
    expect(getCredentials()).toBeNull();
  });
});
