/**
 * The signed-in user's HTTP Basic credentials. They live in sessionStorage, never localStorage:
 * they die with the tab, and other tabs must sign in themselves.
 */
import { CREDENTIALS_STORAGE_KEY } from './engine-constants';

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

export function hasCredentials(): boolean {
  return getCredentials() !== null;
}

export function storeCredentials(credentials: EngineCredentials): void {
  sessionStorage.setItem(CREDENTIALS_STORAGE_KEY, JSON.stringify(credentials));
}

export function clearCredentials(): void {
  sessionStorage.removeItem(CREDENTIALS_STORAGE_KEY);
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
