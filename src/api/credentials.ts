/**
 * The signed-in user's HTTP Basic credentials. They live in sessionStorage, never localStorage:
 * they die with the tab, and other tabs must sign in themselves.
 *
 * An engine without authentication (Camunda Run's default REST configuration) accepts any
 * request; the operator then continues without credentials, and the tab keeps only that choice.
 */
import { CREDENTIALS_STORAGE_KEY, UNAUTHENTICATED_SESSION_STORAGE_KEY } from './engine-constants';

export interface EngineCredentials {
  username: string;
  password: string;
}

export function getCredentials(): EngineCredentials | null {
  const stored = sessionStorage.getItem(CREDENTIALS_STORAGE_KEY);
  if (stored === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(stored);
    return isCredentials(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Signed in with credentials, or continued without them on an engine that checks none. */
export function hasSession(): boolean {
  return getCredentials() !== null || isUnauthenticatedSession();
}

/** The tab continued without credentials: the engine said it checks none. */
export function isUnauthenticatedSession(): boolean {
  return sessionStorage.getItem(UNAUTHENTICATED_SESSION_STORAGE_KEY) !== null;
}

export function storeCredentials(credentials: EngineCredentials): void {
  sessionStorage.removeItem(UNAUTHENTICATED_SESSION_STORAGE_KEY);
  sessionStorage.setItem(CREDENTIALS_STORAGE_KEY, JSON.stringify(credentials));
}

/** Requests go out without an `Authorization` header: a user name would be a pretence. */
export function storeUnauthenticatedSession(): void {
  sessionStorage.removeItem(CREDENTIALS_STORAGE_KEY);
  sessionStorage.setItem(UNAUTHENTICATED_SESSION_STORAGE_KEY, 'true');
}

/** Signs out: ends a session with or without credentials. */
export function clearCredentials(): void {
  sessionStorage.removeItem(CREDENTIALS_STORAGE_KEY);
  sessionStorage.removeItem(UNAUTHENTICATED_SESSION_STORAGE_KEY);
}

/** The `Authorization` header value; `btoa` alone fails on non-Latin-1 user names. */
export function toBasicAuthorization({ username, password }: EngineCredentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function isCredentials(value: unknown): value is EngineCredentials {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).username === 'string' &&
    typeof (value as Record<string, unknown>).password === 'string'
  );
}
