import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { CONSOLE_SESSION_URL, TEST_CSRF_TOKEN } from '../testing/console-session-handlers';
import { server } from '../testing/msw-server';
import {
  getSession,
  getSignedInUserId,
  loadSession,
  onSessionChangedElsewhere,
  signIn,
  signOut,
} from './console-session';
import type { SessionChange } from './console-session';

const SESSION = { userId: 'demo', csrfToken: TEST_CSRF_TOKEN };

describe('console session', () => {
  it('learns who is signed in from the server, once per page: a new tab is signed in', async () => {
    let asked = 0;
    server.use(
      http.get(CONSOLE_SESSION_URL, () => {
        asked++;
        return HttpResponse.json(SESSION);
      }),
    );

    await expect(Promise.all([loadSession(), loadSession()])).resolves.toEqual([SESSION, SESSION]);
    await loadSession();

    expect(asked).toBe(1);
    expect(getSignedInUserId()).toBe('demo');
  });

  it('counts a server that cannot be asked as no session, and asks again next time', async () => {
    server.use(
      http.get(CONSOLE_SESSION_URL, () => new HttpResponse(null, { status: 502 }), {
        once: true,
      }),
      http.get(CONSOLE_SESSION_URL, () => HttpResponse.json(SESSION)),
    );

    await expect(loadSession()).resolves.toBeNull();
    await expect(loadSession()).resolves.toEqual(SESSION);
  });

  it('signs out with the CSRF token, and forgets the session even when that fails', async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.get(CONSOLE_SESSION_URL, () => HttpResponse.json(SESSION)),
      http.delete(CONSOLE_SESSION_URL, ({ request }) => {
        tokens.push(request.headers.get('X-XSRF-TOKEN'));
        return new HttpResponse(null, { status: 503 });
      }),
    );
    await loadSession();

    await expect(signOut()).rejects.toMatchObject({ status: 503 });

    expect(tokens).toEqual([TEST_CSRF_TOKEN]);
    expect(getSession()).toBeNull();
  });

  it.runIf(typeof BroadcastChannel !== 'undefined')(
    'tells the other tabs when it signs in or out, and does not hear itself',
    async () => {
      server.use(
        http.post(CONSOLE_SESSION_URL, () => HttpResponse.json(SESSION)),
        http.delete(CONSOLE_SESSION_URL, () => new HttpResponse(null, { status: 204 })),
      );
      const told: unknown[] = [];
      const otherTab = new BroadcastChannel('camunda-repair-console.session');
      otherTab.addEventListener('message', ({ data }: MessageEvent<unknown>) => told.push(data));
      const heard: SessionChange[] = [];
      const unsubscribe = onSessionChangedElsewhere((change) => heard.push(change));

      await signIn({ username: 'demo', password: 'demo' });
      await signOut();
      await vi.waitFor(() => {
        expect(told).toEqual([
          expect.objectContaining({ change: 'signed-in' }),
          expect.objectContaining({ change: 'signed-out' }),
        ]);
      });
      expect(heard).toEqual([]);

      otherTab.postMessage({ change: 'signed-in', tab: 'another tab' });
      await vi.waitFor(() => {
        expect(heard).toEqual(['signed-in']);
      });
      unsubscribe();
      otherTab.close();
    },
  );
});
