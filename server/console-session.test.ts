import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import type { ConsoleSessionDto } from '../contract/console-session';
import { createApp, createProxyApp } from './app';
import type { ConsoleSessionOptions } from './console-session';
import { SESSION_COOKIE, SESSION_IDLE_TIMEOUT_MS, SESSION_MAX_AGE_MS } from './console-session';
import { openSession, sealSession, sessionKey } from './session-cookie';

const SECRET = 'a secret of at least thirty-two characters';
const ORIGIN = 'http://console.test';
const DEMO = { username: 'demo', password: 'demo' };

interface Clock {
  now: number;
}

function sessionOptions(clock: Clock = { now: Date.UTC(2026, 0, 1) }): ConsoleSessionOptions {
  return { key: sessionKey(SECRET), now: () => clock.now };
}

function embeddedApp(options: ConsoleSessionOptions = sessionOptions(), authentication = true) {
  return createApp({
    engine: new ProcessEngine(),
    consoleDir: null,
    authentication,
    consoleSession: options,
  });
}

function signInRequest(app: Hono, body: unknown, headers: Record<string, string> = {}) {
  return app.request(`${ORIGIN}/console-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The session cookie's `name=value` from a response, for the next request's `Cookie`. */
function sessionCookie(response: Response): string {
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith(`${SESSION_COOKIE}=`));
  if (cookie === undefined) {
    throw new Error('no session cookie set');
  }
  return cookie.split(';')[0] ?? '';
}

async function signIn(app: Hono, body: unknown = DEMO) {
  const response = await signInRequest(app, body);
  expect(response.status).toBe(200);
  const session = (await response.json()) as ConsoleSessionDto;
  return { cookie: sessionCookie(response), token: session.csrfToken, session };
}

/** A request that starts an instance of nothing: 404 once through, 401/403 when refused. */
function startRequest(app: Hono, headers: Record<string, string>) {
  return app.request(`${ORIGIN}/engine-rest/process-definition/key/nothing/start`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: '{}',
  });
}

describe('console session', () => {
  it('signs in with credentials the engine accepts, into an HttpOnly, SameSite=Strict cookie', async () => {
    const app = embeddedApp();
    const response = await signInRequest(app, DEMO);

    expect(response.status).toBe(200);
    const body = (await response.json()) as ConsoleSessionDto;
    expect(body).toEqual({ userId: 'demo', csrfToken: expect.any(String) as string });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=v1\\.`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${String(SESSION_IDLE_TIMEOUT_MS / 1000)}`);
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain('demo');
  });

  it.each<Record<string, string>>([
    { 'X-Forwarded-Proto': 'https' },
    { Forwarded: 'for=10.0.0.1;proto=https' },
  ])(
    'marks the cookie Secure and __Host- behind a proxy that terminates TLS (%o)',
    async (headers) => {
      const app = embeddedApp();
      const response = await signInRequest(app, DEMO, headers);
      const [setCookie = ''] = response.headers.getSetCookie();
      expect(setCookie).toMatch(new RegExp(`^__Host-${SESSION_COOKIE}=.*; Secure`));
      const cookie = setCookie.split(';')[0] ?? '';

      const secure = await app.request(`${ORIGIN}/engine-rest/version`, {
        headers: { ...headers, Cookie: cookie },
      });
      expect(secure.status).toBe(200);
      // A plain cookie over https could have been set by anyone on a sibling subdomain.
      const plain = await app.request(`${ORIGIN}/engine-rest/version`, {
        headers: { ...headers, Cookie: cookie.replace('__Host-', '') },
      });
      expect(plain.status).toBe(401);
    },
  );

  it('refuses credentials the engine refuses, setting no cookie', async () => {
    const response = await signInRequest(embeddedApp(), { username: 'demo', password: 'wrong' });

    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('WWW-Authenticate')).toBeNull();
    expect(await response.json()).toEqual({
      type: 'AuthenticationException',
      message: 'Wrong user name or password, or the user is locked after too many failed attempts.',
      code: null,
    });
  });

  it('accepts only a JSON body', async () => {
    const response = await embeddedApp().request(`${ORIGIN}/console-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=demo&password=demo',
    });
    expect(response.status).toBe(415);
  });

  it('says who is signed in, and nobody without a valid cookie', async () => {
    const app = embeddedApp();
    const { cookie, token } = await signIn(app);

    const current = await app.request(`${ORIGIN}/console-session`, { headers: { Cookie: cookie } });
    expect(await current.json()).toEqual({ userId: 'demo', csrfToken: token });
    expect(current.headers.get('Cache-Control')).toBe('no-store');

    const none = await app.request(`${ORIGIN}/console-session`);
    expect(none.status).toBe(401);
  });

  it('adds the credentials to /engine-rest requests that carry the cookie', async () => {
    const app = embeddedApp();
    const { cookie } = await signIn(app);

    const version = await app.request(`${ORIGIN}/engine-rest/version`, {
      headers: { Cookie: cookie },
    });
    expect(version.status).toBe(200);
    expect((await app.request(`${ORIGIN}/engine-rest/version`)).status).toBe(401);
  });

  it('refuses a cookie changed by one bit, or sealed with another key', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const app = embeddedApp(sessionOptions(clock));
    const { cookie } = await signIn(app);
    const value = cookie.slice(SESSION_COOKIE.length + 1);
    const bytes = Buffer.from(value.slice(3), 'base64url');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    const tampered = `v1.${bytes.toString('base64url')}`;
    const foreign = sealSession(sessionKey(`${SECRET} but another one`), {
      u: 'demo',
      p: 'demo',
      t: 'token',
      s: clock.now,
      e: clock.now + 60_000,
    });

    expect(openSession(sessionKey(SECRET), value, clock.now)).toMatchObject({ u: 'demo' });
    expect(openSession(sessionKey(SECRET), tampered, clock.now)).toBeNull();
    for (const forged of [tampered, foreign]) {
      const response = await app.request(`${ORIGIN}/engine-rest/version`, {
        headers: { Cookie: `${SESSION_COOKIE}=${forged}` },
      });
      expect(response.status).toBe(401);
      // The cookie that is good for nothing is cleared.
      expect(response.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    }
  });

  it('expires after the idle timeout, renews with use, and ends at the maximum age', async () => {
    const clock = { now: Date.UTC(2026, 0, 1) };
    const app = embeddedApp(sessionOptions(clock));
    let { cookie } = await signIn(app);
    const version = () =>
      app.request(`${ORIGIN}/engine-rest/version`, { headers: { Cookie: cookie } });

    // Used every 20 minutes, the session lives on: each use renews the cookie.
    while (clock.now < Date.UTC(2026, 0, 1) + SESSION_MAX_AGE_MS - 20 * 60_000) {
      clock.now += 20 * 60_000;
      const response = await version();
      expect(response.status).toBe(200);
      cookie = sessionCookie(response);
    }
    // ... but not beyond eight hours after signing in.
    clock.now = Date.UTC(2026, 0, 1) + SESSION_MAX_AGE_MS;
    expect((await version()).status).toBe(401);

    const idle = await signIn(app);
    clock.now += SESSION_IDLE_TIMEOUT_MS + 1;
    const late = await app.request(`${ORIGIN}/engine-rest/version`, {
      headers: { Cookie: idle.cookie },
    });
    expect(late.status).toBe(401);
  });

  it('signs out: the cookie is cleared', async () => {
    const app = embeddedApp();
    const { cookie, token } = await signIn(app);

    const response = await app.request(`${ORIGIN}/console-session`, {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-XSRF-TOKEN': token },
    });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()[0]).toMatch(
      new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`),
    );
  });

  it('continues without credentials only where the engine checks none', async () => {
    const open = embeddedApp(sessionOptions(), false);
    const { session, cookie, token } = await signIn(open, { withoutCredentials: true });
    expect(session.userId).toBeNull();
    expect((await startRequest(open, { Cookie: cookie, 'X-XSRF-TOKEN': token })).status).toBe(404);

    const checking = await signInRequest(embeddedApp(), { withoutCredentials: true });
    expect(checking.status).toBe(401);
    expect(await checking.json()).toMatchObject({
      message: 'The engine checks credentials: sign in with a user name and password.',
    });
  });
});

describe('CSRF protection', () => {
  it('refuses a change that relies on the cookie without the session token', async () => {
    const app = embeddedApp();
    const { cookie, token } = await signIn(app);

    const missing = await startRequest(app, { Cookie: cookie });
    expect(missing.status).toBe(403);
    expect(missing.headers.get('X-XSRF-TOKEN')).toBe('Required');
    expect(await missing.json()).toEqual({
      type: 'CsrfPreventionException',
      message: 'CSRFPreventionFilter: Token provided via HTTP Header is absent/empty.',
      code: null,
    });

    const wrong = await startRequest(app, { Cookie: cookie, 'X-XSRF-TOKEN': `${token}x` });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({
      message: 'CSRFPreventionFilter: Invalid HTTP Header Token.',
    });

    expect((await startRequest(app, { Cookie: cookie, 'X-XSRF-TOKEN': token })).status).toBe(404);
  });

  it('refuses changes from another site, whatever credentials they carry', async () => {
    const app = embeddedApp();
    const { cookie, token } = await signIn(app);
    const basic = `Basic ${btoa('demo:demo')}`;

    const fromOrigin = await startRequest(app, {
      Cookie: cookie,
      'X-XSRF-TOKEN': token,
      Origin: 'http://evil.test',
    });
    expect(fromOrigin.status).toBe(403);
    expect(await fromOrigin.json()).toMatchObject({
      type: 'CsrfPreventionException',
      message:
        'CSRFPreventionFilter: Protocol/Host/Port does not fully match: (console.test != http://evil.test)',
    });
    // A browser adds Basic credentials it cached from a challenge to a cross-site form post.
    const crossSite = await startRequest(app, {
      Authorization: basic,
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);

    const sameOrigin = await startRequest(app, {
      Cookie: cookie,
      'X-XSRF-TOKEN': token,
      Origin: ORIGIN,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(404);

    const signInFromElsewhere = await signInRequest(app, DEMO, { Origin: 'http://evil.test' });
    expect(signInFromElsewhere.status).toBe(403);
  });

  it("trusts a browser's Sec-Fetch-Site over an Origin a reverse proxy made look foreign", async () => {
    const app = embeddedApp();
    const { cookie, token } = await signIn(app);

    const behindProxy = await startRequest(app, {
      Cookie: cookie,
      'X-XSRF-TOKEN': token,
      Origin: 'https://console.example.com',
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(behindProxy.status).toBe(404);
  });

  it('serves clients with their own Authorization as before, cookie or not', async () => {
    const app = embeddedApp();
    const { cookie } = await signIn(app);
    const basic = `Basic ${btoa('demo:demo')}`;

    expect((await startRequest(app, { Authorization: basic })).status).toBe(404);
    expect((await startRequest(app, { Authorization: basic, Cookie: cookie })).status).toBe(404);
  });
});

describe('the Basic challenge', () => {
  it('is not sent to browsers, which would cache the password', async () => {
    const app = embeddedApp();
    const page = await app.request(`${ORIGIN}/engine-rest/version`, {
      headers: { 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(page.status).toBe(401);
    expect(page.headers.get('WWW-Authenticate')).toBeNull();

    const script = await app.request(`${ORIGIN}/engine-rest/version`);
    expect(script.headers.get('WWW-Authenticate')).toBe('Basic realm="default"');
  });
});

describe('proxy mode', () => {
  /** A proxy copy in front of one shared engine, as behind a load balancer. */
  function proxyCopy(remote: Hono, options: ConsoleSessionOptions, seen: Request[] = []) {
    return createProxyApp({
      target: 'http://engine.internal/engine-rest',
      consoleDir: null,
      consoleSession: options,
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push(request.clone());
        return Promise.resolve(remote.request(request));
      },
    });
  }

  it('verifies against the engine and adds credentials statelessly: copies share sessions', async () => {
    const remote = embeddedApp();
    const seen: Request[] = [];
    const first = proxyCopy(remote, sessionOptions(), seen);
    const second = proxyCopy(remote, sessionOptions());
    const { cookie, token } = await signIn(first);

    expect(seen[0]?.headers.get('Authorization')).toBe(`Basic ${btoa('demo:demo')}`);
    const version = await second.request(`${ORIGIN}/engine-rest/version`, {
      headers: { Cookie: cookie },
    });
    expect(version.status).toBe(200);
    const started = await startRequest(second, { Cookie: cookie, 'X-XSRF-TOKEN': token });
    expect(started.status).toBe(404);

    const stranger = proxyCopy(remote, { key: sessionKey() });
    const refused = await stranger.request(`${ORIGIN}/engine-rest/version`, {
      headers: { Cookie: cookie, 'Sec-Fetch-Mode': 'cors' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBeNull();
  });

  it('does not pass the sealed cookie on to the engine', async () => {
    const seen: Request[] = [];
    const proxy = proxyCopy(embeddedApp(), sessionOptions(), seen);
    const { cookie } = await signIn(proxy);

    await proxy.request(`${ORIGIN}/engine-rest/version`, {
      headers: { Cookie: `${cookie}; other=kept` },
    });
    expect(seen.at(-1)?.headers.get('Cookie')).toBe('other=kept');
  });

  it('reports an engine that refuses the sign-in', async () => {
    const proxy = proxyCopy(embeddedApp(), sessionOptions());
    const response = await signInRequest(proxy, { username: 'john', password: 'wrong' });
    expect(response.status).toBe(401);
  });
});

describe('sign-in body', () => {
  it('is refused beyond a few kilobytes, before it is read', async () => {
    const response = await signInRequest(embeddedApp(), {
      username: 'demo',
      password: 'x'.repeat(100_000),
    });
    expect(response.status).toBe(413);
  });
});
