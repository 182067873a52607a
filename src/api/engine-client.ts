import {
  getSession,
  refreshSession,
  signOutAfterRefusal,
  toBasicAuthorization,
} from './console-session';
import type { EngineCredentials, SignOutReason } from './console-session';
import { CSRF_HEADER, ENGINE_REST_BASE } from './engine-constants';
import { EngineError, toEngineError } from './engine-error';
import { enginePathPrefix } from './engine-selection';

type QueryValue = string | number | boolean | null | undefined;

export interface EngineRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters; `null` and `undefined` ones are left out. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Sent instead of the session's (the probe of `engine-capabilities.ts` sends ones that cannot
   * be right). A 401 for such a request does not sign the user out.
   */
  credentials?: EngineCredentials;
  /**
   * False for the few resources that belong to the server rather than to one engine
   * (`GET /engine`); everything else goes to the engine chosen in the header.
   */
  engineScoped?: boolean;
  /**
   * How a successful body is read: JSON (the default), or text for the few plain-text resources
   * (`GET /job/{id}/stacktrace`), which Camunda refuses with 406 when asked for JSON.
   */
  responseType?: 'json' | 'text';
}

/** The server's answer to a change without the session's current CSRF token. */
const CSRF_REFUSAL = 'CsrfPreventionException';

type UnauthorizedListener = (reason: SignOutReason) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();
let signingOut: Promise<void> | null = null;

/** Called once a 401 has signed the tab out, with why; returns the unsubscribe function. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/**
 * The URL of an engine REST resource as `engineRequest` calls it: under the chosen engine unless
 * `engineScoped` is false. Also what review dialogs show and put into curl commands.
 */
export function engineUrl(path: string, engineScoped = true): URL {
  const prefix = engineScoped ? enginePathPrefix() : '';
  return new URL(`${ENGINE_REST_BASE}${prefix}${path}`, window.location.href);
}

/**
 * The one fetch wrapper: calls `ENGINE_REST_BASE + path` in the console session (the server adds
 * the credentials from its cookie) and resolves with the parsed JSON body (`undefined` for 204).
 * Throws `EngineError` for every failure.
 */
export function engineRequest<T>(path: string, options: EngineRequestOptions = {}): Promise<T> {
  return send<T>(path, options, true);
}

async function send<T>(
  path: string,
  options: EngineRequestOptions,
  mayRenewToken: boolean,
): Promise<T> {
  const { method = 'GET', query, body, signal, responseType = 'json', credentials } = options;

  const url = engineUrl(path, options.engineScoped !== false);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined) {
      url.searchParams.set(name, String(value));
    }
  }

  // Errors come as JSON whatever the resource produces.
  const headers = new Headers({
    Accept: responseType === 'text' ? 'text/plain, application/json' : 'application/json',
  });
  const session = getSession();
  if (credentials !== undefined) {
    headers.set('Authorization', toBasicAuthorization(credentials));
  } else if (method !== 'GET' && session !== null) {
    headers.set(CSRF_HEADER, session.csrfToken);
  }
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      // The session cookie goes along, unless the request brings credentials of its own. The
      // server keeps Camunda's `WWW-Authenticate` challenge from browsers, so a 401 never pops
      // up the browser's own login dialog, nor teaches it a password.
      credentials: credentials === undefined ? 'same-origin' : 'omit',
    });
  } catch (error) {
    if (signal?.aborted === true) {
      throw error;
    }
    throw new EngineError({
      status: 0,
      type: 'NetworkError',
      message: `The engine at ${ENGINE_REST_BASE} could not be reached.`,
    });
  }

  if (!response.ok) {
    const error = toEngineError(response.status, response.statusText, await response.text());
    // Only a tab that was signed in is signed out: a deep link's first requests leave before the
    // server has said who is signed in (`prefetchDeepLink`), and when no one is, the router's
    // guard sends the operator to sign in, without saying a session ended.
    if (response.status === 401 && credentials === undefined && session !== null) {
      signOutOnce();
    }
    // Refused before anything ran, as another tab's sign-in replaced the token: once more with
    // the session's token as it is now.
    if (
      mayRenewToken &&
      error.type === CSRF_REFUSAL &&
      headers.has(CSRF_HEADER) &&
      (await refreshSession().catch(() => null)) !== null
    ) {
      return send<T>(path, options, false);
    }
    throw error;
  }

  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  if (responseType === 'text') {
    return text as T;
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** Several requests fail with 401 together; the tab is signed out once. */
function signOutOnce(): void {
  signingOut ??= signOutAfterRefusal()
    .then((reason) => {
      for (const listener of unauthorizedListeners) {
        listener(reason);
      }
    })
    .finally(() => {
      signingOut = null;
    });
}
