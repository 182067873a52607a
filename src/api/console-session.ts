/**
 * Whom the server acts for in this browser. Signing in hands the credentials to the server once
 * (`POST /console-session`); it keeps them sealed in an HttpOnly cookie and adds them to every
 * `/engine-rest` request, so no script of the page, and nothing in web storage, ever holds the
 * password. Every tab of the browser shares the cookie: a new tab asks who is signed in
 * (`GET /console-session`) instead of asking for a password again.
 *
 * The tab keeps only what the server said: the user id (for curl commands and notifications)
 * and the CSRF token, which every request that changes something must carry.
 *
 * An engine without authentication (Camunda Run's default REST configuration) accepts any
 * request; the operator then continues without credentials, and the cookie holds only that choice.
 */
import type { ConsoleSessionDto, ConsoleSessionRequestDto } from '../../contract/console-session';
import { CONSOLE_SESSION_PATH, CSRF_HEADER } from './engine-constants';
import { EngineError, toEngineError } from './engine-error';

export interface EngineCredentials {
  username: string;
  password: string;
}

/** Why the console signed the operator out after the engine answered 401. */
export type SignOutReason =
  /** The session is valid, but the engine refused its credentials (changed password, lockout). */
  | 'refused'
  /** The session had expired, or was ended in another tab. */
  | 'ended';

/** The other tabs of the browser hear of a sign-in or sign-out at once, not at their next request. */
const SESSION_CHANNEL = 'camunda-repair-console.session';

/**
 * Which tab announced a change. A BroadcastChannel delivers to every other channel object of the
 * name, this document's listener included: a tab that heard its own sign-in dropped the queries
 * of the page it was opening, whose components then waited for them forever.
 */
// Not crypto.randomUUID: browsers offer it only in secure contexts, and the console may be served
// over plain http. An identity among one browser's tabs needs no secrecy.
const THIS_TAB = `${String(Date.now())}-${String(Math.random()).slice(2)}`;

interface SessionMessage {
  change: SessionChange;
  tab: string;
}

export type SessionChange = 'signed-in' | 'signed-out';

/** `undefined` until the server has been asked; `null` when nobody is signed in. */
let session: ConsoleSessionDto | null | undefined;
let loading: Promise<ConsoleSessionDto | null> | null = null;

/** This tab's session as last learnt from the server; null when signed out or not yet known. */
export function getSession(): ConsoleSessionDto | null {
  return session ?? null;
}

/** The signed-in user; null without a session or on an engine that checks no credentials. */
export function getSignedInUserId(): string | null {
  return session?.userId ?? null;
}

/**
 * The session, asked of the server once per page load (the router's guard). A server that cannot
 * be asked counts as no session, for now: the sign-in page then says what fails.
 */
export function loadSession(): Promise<ConsoleSessionDto | null> {
  if (session !== undefined) {
    return Promise.resolve(session);
  }
  loading ??= readSession()
    .then(
      (read) => {
        session ??= read;
        return session;
      },
      () => null,
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

/**
 * Signs in with credentials the engine must accept, or continues without any on an engine that
 * checks none. Throws `EngineError` (401 when refused).
 */
export async function signIn(
  request: EngineCredentials | { withoutCredentials: true },
): Promise<ConsoleSessionDto> {
  const body: ConsoleSessionRequestDto = request;
  const response = await send('POST', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  const created = (await response.json()) as ConsoleSessionDto;
  rememberSession(created);
  tellOtherTabs('signed-in');
  return created;
}

/** Ends the session for every tab of the browser; the tab is signed out even if that fails. */
export async function signOut(): Promise<void> {
  const token = session?.csrfToken;
  forgetSession();
  tellOtherTabs('signed-out');
  const response = await send('DELETE', {
    headers: token === undefined ? {} : { [CSRF_HEADER]: token },
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
}

/**
 * After the engine answered 401 to this tab: asks the server whether the session still stands
 * (then the engine refused its credentials) or had already ended. A session the engine refuses is
 * left to the other tabs to find out by themselves: a lockout delay after someone's wrong
 * password ends in seconds, and each tab then says the right reason.
 */
export async function signOutAfterRefusal(): Promise<SignOutReason> {
  forgetSession();
  const current = await readSession().catch(() => null);
  return current === null ? 'ended' : 'refused';
}

/**
 * Asks the server again, after it refused this tab's CSRF token: another tab has signed in since,
 * and its session came with a token of its own.
 */
export async function refreshSession(): Promise<ConsoleSessionDto | null> {
  session = await readSession();
  return session;
}

/**
 * Called when another tab of the browser signs in or out; the session is then forgotten, or asked
 * of the server again. Returns the unsubscribe function.
 */
export function onSessionChangedElsewhere(listener: (change: SessionChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') {
    return () => undefined;
  }
  const channel = new BroadcastChannel(SESSION_CHANNEL);
  channel.addEventListener('message', ({ data }: MessageEvent<unknown>) => {
    if (!isSessionMessage(data) || data.tab === THIS_TAB) {
      return;
    }
    if (data.change === 'signed-out') {
      forgetSession();
      listener('signed-out');
    } else {
      resetSession();
      listener('signed-in');
    }
  });
  return () => {
    channel.close();
  };
}

/** Keeps what the server answered. */
export function rememberSession(created: ConsoleSessionDto): void {
  session = created;
}

/** Forgets this tab's session without asking the server. */
export function forgetSession(): void {
  session = null;
}

/** The next `loadSession` asks the server again. */
export function resetSession(): void {
  session = undefined;
  loading = null;
}

/** The `Authorization` header value; `btoa` alone fails on non-Latin-1 user names. */
export function toBasicAuthorization({ username, password }: EngineCredentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function tellOtherTabs(change: SessionChange): void {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(SESSION_CHANNEL);
    channel.postMessage({ change, tab: THIS_TAB } satisfies SessionMessage);
    channel.close();
  }
}

function isSessionMessage(data: unknown): data is SessionMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'tab' in data &&
    'change' in data &&
    (data.change === 'signed-in' || data.change === 'signed-out')
  );
}

async function readSession(): Promise<ConsoleSessionDto | null> {
  const response = await send('GET', {});
  if (response.status === 401) {
    return null;
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as ConsoleSessionDto;
}

async function send(
  method: 'GET' | 'POST' | 'DELETE',
  init: { headers?: Record<string, string>; body?: string },
): Promise<Response> {
  try {
    return await fetch(new URL(CONSOLE_SESSION_PATH, window.location.href), {
      method,
      headers: { Accept: 'application/json', ...init.headers },
      body: init.body,
      credentials: 'same-origin',
    });
  } catch {
    throw new EngineError({
      status: 0,
      type: 'NetworkError',
      message: `The console's server at ${CONSOLE_SESSION_PATH} could not be reached.`,
    });
  }
}

async function errorOf(response: Response): Promise<EngineError> {
  return toEngineError(response.status, response.statusText, await response.text());
}
