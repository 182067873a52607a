/**
 * Which of the server's process engines (`GET /engine`) the console talks to. Kept per tab in
 * sessionStorage: tabs may talk to different engines. Camunda serves the default engine at the REST root and
 * every engine, the default included, under `/engine/{name}`.
 */
import { DEFAULT_ENGINE_NAME, ENGINE_STORAGE_KEY } from './engine-constants';

export function getEngineName(): string {
  return sessionStorage.getItem(ENGINE_STORAGE_KEY) ?? DEFAULT_ENGINE_NAME;
}

export function storeEngineName(name: string): void {
  sessionStorage.setItem(ENGINE_STORAGE_KEY, name);
}

/** The path prefix for engine-scoped resources: none for the default engine. */
export function enginePathPrefix(name: string = getEngineName()): string {
  return name === DEFAULT_ENGINE_NAME ? '' : `/engine/${encodeURIComponent(name)}`;
}
