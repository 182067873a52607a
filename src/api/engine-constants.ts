/**
 * Where the console finds the engine, and where a tab keeps its session. Shared by the console
 * and by index.html's early requests (`early-requests.ts`), which the build inlines: vite.config.ts
 * imports this file, so it imports nothing.
 */

/** The Camunda 7 REST API's base path; dev and production serve or proxy it on the same origin. */
export const ENGINE_REST_BASE = '/engine-rest';

/** sessionStorage: the signed-in user's HTTP Basic credentials (`credentials.ts`). */
export const CREDENTIALS_STORAGE_KEY = 'camunda-repair-console.credentials';

/**
 * sessionStorage: set when the operator continued without credentials because the engine does not
 * check them (`credentials.ts`).
 */
export const UNAUTHENTICATED_SESSION_STORAGE_KEY = 'camunda-repair-console.unauthenticated';

/** sessionStorage: the name of the engine this tab talks to (`engine-selection.ts`). */
export const ENGINE_STORAGE_KEY = 'camunda-repair-console.engine';

/** Camunda's default engine, served at the REST root as well as under `/engine/default`. */
export const DEFAULT_ENGINE_NAME = 'default';
