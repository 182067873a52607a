import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { createQueryClient } from '../lib/query-client';
import { ENGINE_REST_URL, server } from '../testing/msw-server';
import { getSession, rememberSession } from './console-session';
import { engineCapabilityQueries } from './engine-capabilities';

const DEMO = { username: 'demo', password: 'demo' };
const SESSION = { userId: 'demo', csrfToken: 'csrf-token' };

/** Answers `GET /version` as an engine whose authentication is on or off, noting the users. */
function versionEndpoint(authentication: 'on' | 'off', users: string[]) {
  return http.get(`${ENGINE_REST_URL}/version`, ({ request }) => {
    const header = request.headers.get('Authorization') ?? '';
    const [user = '', password = ''] = atob(header.replace(/^Basic /, '')).split(':');
    users.push(user);
    return authentication === 'off' || (user === DEMO.username && password === DEMO.password)
      ? HttpResponse.json({ version: '7.22.0' })
      : new HttpResponse(null, { status: 401 });
  });
}

describe('engineCapabilityQueries.authentication', () => {
  it('finds authentication off when credentials that cannot be right are accepted', async () => {
    rememberSession(SESSION);
    const users: string[] = [];
    server.use(versionEndpoint('off', users));

    const state = await createQueryClient({ retry: false }).query(
      engineCapabilityQueries.authentication(),
    );

    expect(state).toBe('off');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatch(/^repair-console-probe-[0-9a-f]{32}$/);
  });

  it('finds authentication on from the 401, without signing the operator out', async () => {
    rememberSession(SESSION);
    server.use(versionEndpoint('on', []));

    const state = await createQueryClient({ retry: false }).query(
      engineCapabilityQueries.authentication(),
    );

    expect(state).toBe('on');
    expect(getSession()).toEqual(SESSION);
  });

  it('does not guess when the engine fails otherwise', async () => {
    server.use(
      http.get(`${ENGINE_REST_URL}/version`, () => new HttpResponse(null, { status: 502 })),
    );

    await expect(
      createQueryClient({ retry: false }).query(engineCapabilityQueries.authentication()),
    ).rejects.toMatchObject({ status: 502 });
  });
});

describe('engineCapabilityQueries.historyCount', () => {
  it('counts only variable updates among the historic details (form fields exist from audit up)', async () => {
    let query = '';
    server.use(
      http.get(`${ENGINE_REST_URL}/history/detail/count`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ count: 7 });
      }),
    );

    const count = await createQueryClient({ retry: false }).query(
      engineCapabilityQueries.historyCount('historicVariableUpdates'),
    );

    expect(count).toBe(7);
    expect(query).toBe('?variableUpdates=true');
  });
});
