import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { ENGINE_REST_URL, server } from '../testing/msw-server';

const CONSOLE_SESSION_URL = `${window.location.origin}/console-session`;
import { getSession, rememberSession, resetSession } from './console-session';
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

  it("sends the session's CSRF token with changes, never a password", async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const seen: Request[] = [];
    server.use(
      http.all(`${ENGINE_REST_URL}/batch/b-1`, ({ request }) => {
        seen.push(request);
        return new HttpResponse(null, { status: 204 });
      }),
    );

    await engineRequest('/batch/b-1');
    await engineRequest('/batch/b-1', { method: 'DELETE' });

    expect(seen.map((request) => request.headers.get('X-XSRF-TOKEN'))).toEqual([
      null,
      'csrf-token',
    ]);
    expect(seen.map((request) => request.headers.get('Authorization'))).toEqual([null, null]);
  });

  it.each([
    ['refused', 'the session still stands', true],
    ['ended', 'the session has ended', false],
  ] as const)(
    'signs the tab out on 401 and tells the listeners: %s when %s',
    async (reason, _when, sessionStands) => {
      rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
      const ended: string[] = [];
      server.use(
        http.get(
          `${ENGINE_REST_URL}/process-definition`,
          () => new HttpResponse(null, { status: 401 }),
        ),
        http.get(CONSOLE_SESSION_URL, () =>
          sessionStands
            ? HttpResponse.json({ userId: 'demo', csrfToken: 'csrf-token' })
            : HttpResponse.json({ type: 'AuthenticationException', message: '' }, { status: 401 }),
        ),
        http.delete(CONSOLE_SESSION_URL, ({ request }) => {
          ended.push(request.headers.get('X-XSRF-TOKEN') ?? '');
          return new HttpResponse(null, { status: 204 });
        }),
      );
      const listener = vi.fn();
      const unsubscribe = onUnauthorized(listener);

      await expect(engineRequest('/process-definition')).rejects.toMatchObject({ status: 401 });

      await vi.waitFor(() => {
        expect(listener).toHaveBeenCalledWith(reason);
      });
      unsubscribe();
      expect(listener).toHaveBeenCalledOnce();
      expect(getSession()).toBeNull();
      // The other tabs find out for themselves, each with the right reason.
      expect(ended).toEqual([]);
    },
  );

  it('signs no one out on a 401 sent before the server said who is signed in', async () => {
    resetSession();
    const asked = vi.fn();
    server.use(
      http.get(
        `${ENGINE_REST_URL}/process-instance/instance-1`,
        () => new HttpResponse(null, { status: 401 }),
      ),
      http.get(CONSOLE_SESSION_URL, () => {
        asked();
        return HttpResponse.json({ type: 'AuthenticationException', message: '' }, { status: 401 });
      }),
    );
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);

    await expect(engineRequest('/process-instance/instance-1')).rejects.toMatchObject({
      status: 401,
    });

    await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();
    expect(listener).not.toHaveBeenCalled();
    expect(asked).not.toHaveBeenCalled();
  });

  it("renews a CSRF token that another tab's sign-in replaced, and tries once more", async () => {
    rememberSession({ userId: 'demo', csrfToken: 'old' });
    const sent: (string | null)[] = [];
    server.use(
      http.put(`${ENGINE_REST_URL}/batch/b-1/suspended`, ({ request }) => {
        sent.push(request.headers.get('X-XSRF-TOKEN'));
        return request.headers.get('X-XSRF-TOKEN') === 'new'
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(
              {
                type: 'CsrfPreventionException',
                message: 'CSRFPreventionFilter: Invalid HTTP Header Token.',
                code: null,
              },
              { status: 403 },
            );
      }),
      http.get(CONSOLE_SESSION_URL, () => HttpResponse.json({ userId: 'demo', csrfToken: 'new' })),
    );

    await engineRequest('/batch/b-1/suspended', { method: 'PUT', body: { suspended: true } });

    expect(sent).toEqual(['old', 'new']);
    expect(getSession()).toEqual({ userId: 'demo', csrfToken: 'new' });
  });

  it('gives up on a CSRF refusal the renewed token does not cure', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'old' });
    let sent = 0;
    server.use(
      http.delete(`${ENGINE_REST_URL}/batch/b-1`, () => {
        sent++;
        return HttpResponse.json(
          { type: 'CsrfPreventionException', message: 'refused', code: null },
          { status: 403 },
        );
      }),
      http.get(CONSOLE_SESSION_URL, () => HttpResponse.json({ userId: 'demo', csrfToken: 'old' })),
    );

    await expect(engineRequest('/batch/b-1', { method: 'DELETE' })).rejects.toMatchObject({
      status: 403,
      type: 'CsrfPreventionException',
    });
    expect(sent).toBe(2);
  });
});
