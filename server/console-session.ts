/**
 * Sign-in without a password in the browser. `POST /console-session` checks credentials against
 * the engine as any REST client would (`GET /engine-rest/version` with HTTP Basic, through this
 * app: the embedded engine, or the proxied one) and answers with an HttpOnly, SameSite=Strict
 * cookie that holds them sealed (`session-cookie.ts`). Requests to `/engine-rest` that carry the
 * cookie and no `Authorization` of their own get the header from it, so the console's script never
 * sees a password, and every tab of the browser shares the session.
 *
 * Since the browser now sends credentials by itself, requests that change something need what a
 * cross-site page cannot have: the session's CSRF token in `X-XSRF-TOKEN`, as Camunda's webapps
 * demand it (`CsrfPreventionFilter`), and no `Origin` or `Sec-Fetch-Site` of another site. The
 * Camunda REST API has no such filter; clients that send their own `Authorization` (scripts,
 * curl) are served as before, since no browser adds that header to a cross-site form.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ExceptionDto } from '../contract/camunda/common';
import type { ConsoleSessionDto, ConsoleSessionRequestDto } from '../contract/console-session';
import { limitBodySize } from './request-limits';
import { openSession, sealSession, sessionKey } from './session-cookie';
import type { SessionKey, SessionPayload } from './session-cookie';

/** The same paths and header as the console's `src/api/engine-constants.ts`. */
export const CONSOLE_SESSION_PATH = '/console-session';
export const SESSION_COOKIE = 'repair-console-session';
/**
 * Over https the cookie is `__Host-` prefixed: browsers then take it only from this very origin,
 * Secure, for `Path=/` and without `Domain`, so a sibling subdomain cannot plant a session of its
 * own (its user's) in the operator's browser.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const CSRF_HEADER = 'X-XSRF-TOKEN';
const ENGINE_REST_PATH = '/engine-rest';

/**
 * A cookie copied before sign-out stays valid until it expires (nothing is kept per session to
 * revoke it on every copy of the server), so a session ends after half an hour without use, as a
 * servlet container's HTTP session does by default, and after a working day at most.
 */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
export const SESSION_MAX_AGE_MS = 8 * 60 * 60_000;
/** Renewing on every request would set a cookie on every response. */
const SESSION_RENEW_AFTER_MS = 60_000;

/** A user name and a password; more is not a sign-in, and nobody may make the server read it. */
const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;

/** The methods Camunda's `CsrfPreventionFilter` lets through without a token. */
const NON_MODIFYING_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ConsoleSessionOptions {
  /** Seals the cookie; copies of the server behind one load balancer need the same key. */
  key: SessionKey;
  idleTimeoutMs?: number;
  maxAgeMs?: number;
  /** For tests. */
  now?: () => number;
}

/** A random key: sessions end when the process does. */
export function ephemeralSessionOptions(): ConsoleSessionOptions {
  return { key: sessionKey() };
}

/** Registers `/console-session` and the session's part in `/engine-rest` requests; call first. */
export function addConsoleSession(app: Hono, options: ConsoleSessionOptions): void {
  const sessions = new Sessions(options);
  const engineRest: MiddlewareHandler = (c, next) => sessions.engineRest(c, next);
  app.use(ENGINE_REST_PATH, engineRest);
  app.use(`${ENGINE_REST_PATH}/*`, engineRest);
  app.get(CONSOLE_SESSION_PATH, (c) => sessions.current(c));
  app.post(CONSOLE_SESSION_PATH, limitBodySize(MAX_SIGN_IN_BODY_BYTES), (c) =>
    sessions.signIn(c, app),
  );
  app.delete(CONSOLE_SESSION_PATH, (c) => sessions.signOut(c));
}

class Sessions {
  private readonly key: SessionKey;
  private readonly idleTimeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: ConsoleSessionOptions) {
    this.key = options.key;
    this.idleTimeoutMs = options.idleTimeoutMs ?? SESSION_IDLE_TIMEOUT_MS;
    this.maxAgeMs = options.maxAgeMs ?? SESSION_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  async engineRest(c: Context, next: () => Promise<void>): Promise<Response | undefined> {
    const crossSite = crossSiteRefusal(c);
    if (crossSite !== null) {
      return forbidden(c, crossSite);
    }
    const cookie = sessionCookieOf(c);
    const headers = c.req.raw.headers;
    let session: SessionPayload | null = null;
    if (cookie !== undefined) {
      // The engine has no use for the sealed credentials, and a proxied engine no business
      // seeing them.
      removeCookie(headers, SESSION_COOKIE);
      removeCookie(headers, SECURE_SESSION_COOKIE);
      if (!headers.has('Authorization')) {
        session = this.read(cookie);
        const refusal = session === null ? null : csrfRefusal(c, session);
        if (refusal !== null) {
          return refusal;
        }
        if (session !== null && session.u !== null && session.p !== null) {
          headers.set('Authorization', basicAuthorization(session.u, session.p));
        }
      }
    }
    await next();
    if (isFromBrowser(c, cookie)) {
      withoutChallenge(c);
    }
    if (session !== null && c.res.status !== 401) {
      this.renew(c, session);
    } else if (cookie !== undefined && session === null && !headers.has('Authorization')) {
      this.clear(c);
    }
    return undefined;
  }

  current(c: Context): Response {
    const session = this.fromCookie(c);
    if (session === null) {
      this.clear(c);
      return c.json<ExceptionDto>(
        { type: 'AuthenticationException', message: 'Not signed in to the console.', code: null },
        401,
      );
    }
    this.renew(c, session);
    // The CSRF token is for this browser's pages only: no cache keeps it.
    c.header('Cache-Control', 'no-store');
    return c.json<ConsoleSessionDto>(toDto(session));
  }

  async signIn(c: Context, app: Hono): Promise<Response> {
    const crossSite = crossSiteRefusal(c);
    if (crossSite !== null) {
      return forbidden(c, crossSite);
    }
    const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return c.json<ExceptionDto>(
        {
          type: 'NotSupportedException',
          message: 'Sign in with a JSON body (Content-Type: application/json).',
          code: null,
        },
        415,
      );
    }
    const request = toSessionRequest(await c.req.json().catch(() => undefined));
    if (request === null) {
      return c.json<ExceptionDto>(
        {
          type: 'InvalidRequestException',
          message: 'Expected {"username": …, "password": …} or {"withoutCredentials": true}.',
          code: null,
        },
        400,
      );
    }
    const user = 'username' in request ? request : null;
    const verification = await verify(app, c.req.url, user);
    if (verification.status === 401) {
      return c.json<ExceptionDto>(
        {
          type: 'AuthenticationException',
          message:
            user === null
              ? 'The engine checks credentials: sign in with a user name and password.'
              : 'Wrong user name or password, or the user is locked after too many failed attempts.',
          code: null,
        },
        401,
      );
    }
    if (!verification.ok) {
      // The engine's own answer (unreachable, failing): the operator needs to see it as it is.
      return verification;
    }
    const now = this.now();
    const session: SessionPayload = {
      u: user?.username ?? null,
      p: user?.password ?? null,
      t: randomBytes(24).toString('base64url'),
      s: now,
      e: now + this.idleTimeoutMs,
    };
    this.write(c, session);
    c.header('Cache-Control', 'no-store');
    return c.json<ConsoleSessionDto>(toDto(session));
  }

  signOut(c: Context): Response {
    const crossSite = crossSiteRefusal(c);
    if (crossSite !== null) {
      return forbidden(c, crossSite);
    }
    const session = this.fromCookie(c);
    const refusal = session === null ? null : csrfRefusal(c, session);
    if (refusal !== null) {
      return refusal;
    }
    this.clear(c);
    return c.body(null, 204);
  }

  private fromCookie(c: Context): SessionPayload | null {
    const cookie = sessionCookieOf(c);
    return cookie === undefined ? null : this.read(cookie);
  }

  private read(cookie: string): SessionPayload | null {
    return openSession(this.key, cookie, this.now());
  }

  /** Sliding expiry, capped by the maximum age counted from sign-in. */
  private renew(c: Context, session: SessionPayload): void {
    const now = this.now();
    if (now - (session.e - this.idleTimeoutMs) < SESSION_RENEW_AFTER_MS) {
      return;
    }
    const expires = Math.min(now + this.idleTimeoutMs, session.s + this.maxAgeMs);
    this.write(c, { ...session, e: expires });
  }

  private write(c: Context, session: SessionPayload): void {
    setCookie(c, cookieName(c), sealSession(this.key, session), {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecure(c),
      maxAge: Math.max(0, Math.ceil((session.e - this.now()) / 1000)),
    });
  }

  private clear(c: Context): void {
    deleteCookie(c, cookieName(c), {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecure(c),
    });
  }
}

function toDto(session: SessionPayload): ConsoleSessionDto {
  return { userId: session.u, csrfToken: session.t };
}

function toSessionRequest(body: unknown): ConsoleSessionRequestDto | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const { username, password, withoutCredentials } = body as Record<string, unknown>;
  if (withoutCredentials === true && username === undefined && password === undefined) {
    return { withoutCredentials: true };
  }
  return typeof username === 'string' && username !== '' && typeof password === 'string'
    ? { username, password }
    : null;
}

/**
 * `GET /engine-rest/version` as the user (or with no credentials), through the app itself: the
 * embedded engine's authentication, or the proxied engine's, with whatever lockout it applies.
 */
async function verify(
  app: Hono,
  requestUrl: string,
  user: { username: string; password: string } | null,
): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json' });
  if (user !== null) {
    headers.set('Authorization', basicAuthorization(user.username, user.password));
  }
  return app.fetch(new Request(new URL(`${ENGINE_REST_PATH}/version`, requestUrl), { headers }));
}

/** UTF-8, as Camunda decodes the header; `btoa` alone would fail on non-Latin-1 names. */
function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Why a request that changes something is refused as coming from another site, or null. Browsers
 * send `Sec-Fetch-Site` with every request (and SameSite=Strict keeps the cookie from cross-site
 * ones, but not credentials a browser cached from a Basic challenge); where they do, it decides,
 * since a reverse proxy that does not pass the public `Host` on would make `Origin` look foreign.
 * `Origin` covers browsers without it. Scripts and curl send neither.
 */
function crossSiteRefusal(c: Context): string | null {
  if (NON_MODIFYING_METHODS.has(c.req.method)) {
    return null;
  }
  const site = c.req.header('Sec-Fetch-Site');
  if (site === 'cross-site' || site === 'same-site') {
    return `Refused a request from another site (Sec-Fetch-Site: ${site}): changes are accepted from the console's own pages only.`;
  }
  const origin = c.req.header('Origin');
  if (site !== undefined || origin === undefined) {
    return null;
  }
  const expected = firstValue(c.req.header('X-Forwarded-Host')) ?? new URL(c.req.url).host;
  if (originHost(origin) !== expected) {
    return `CSRFPreventionFilter: Protocol/Host/Port does not fully match: (${expected} != ${origin})`;
  }
  return null;
}

/** `CsrfPreventionFilter`'s token check, with its messages, for a request relying on the cookie. */
function csrfRefusal(c: Context, session: SessionPayload): Response | null {
  if (NON_MODIFYING_METHODS.has(c.req.method)) {
    return null;
  }
  const token = c.req.header(CSRF_HEADER);
  if (token === undefined || token === '') {
    c.header(CSRF_HEADER, 'Required');
    return forbidden(c, 'CSRFPreventionFilter: Token provided via HTTP Header is absent/empty.');
  }
  const expected = Buffer.from(session.t);
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return forbidden(c, 'CSRFPreventionFilter: Invalid HTTP Header Token.');
  }
  return null;
}

function forbidden(c: Context, message: string): Response {
  return c.json<ExceptionDto>({ type: 'CsrfPreventionException', message, code: null }, 403);
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) names no site at all.
    return null;
  }
}

/** https, directly or at a proxy that terminates TLS and says so. */
function isSecure(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    firstValue(c.req.header('X-Forwarded-Proto'))?.toLowerCase() === 'https' ||
    /(?:^|[;,\s])proto="?https\b/i.test(firstValue(c.req.header('Forwarded')) ?? '')
  );
}

function firstValue(header: string | undefined): string | undefined {
  const value = header?.split(',')[0]?.trim();
  return value === '' ? undefined : value;
}

/**
 * A page (fetch, navigation, form) rather than a script: browsers send `Sec-Fetch-Mode` with
 * every request, and only a browser holds the session cookie.
 */
function isFromBrowser(c: Context, cookie: string | undefined): boolean {
  return cookie !== undefined || c.req.header('Sec-Fetch-Mode') !== undefined;
}

/**
 * Drops `WWW-Authenticate` from a 401: a browser that sees the Basic challenge asks for a password
 * in its own dialog and then sends it with every request to the origin, cross-site forms
 * included. Clients that are not browsers keep Camunda's challenge.
 */
function withoutChallenge(c: Context): void {
  if (!c.res.headers.has('WWW-Authenticate')) {
    return;
  }
  try {
    c.res.headers.delete('WWW-Authenticate');
  } catch {
    // The headers of a response passed on as fetch returned it cannot be changed.
    const { body, status, statusText, headers } = c.res;
    const copy = new Headers(headers);
    copy.delete('WWW-Authenticate');
    c.res = undefined;
    c.res = new Response(body, { status, statusText, headers: copy });
  }
}

function cookieName(c: Context): string {
  return isSecure(c) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session cookie of this scheme; never a plain one over https, which anyone could have set. */
function sessionCookieOf(c: Context): string | undefined {
  return getCookie(c, cookieName(c));
}

function removeCookie(headers: Headers, name: string): void {
  const kept = (headers.get('Cookie') ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith(`${name}=`));
  if (kept.length === 0) {
    headers.delete('Cookie');
  } else {
    headers.set('Cookie', kept.join('; '));
  }
}
