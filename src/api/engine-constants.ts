/**
 * Where the console finds the engine, and how it signs in. Shared by the console and by
 * vite.config.ts (what `npm run dev` answers itself), which imports this file, so it imports
 * nothing.
 */

/** The Camunda 7 REST API's base path; dev and production serve or proxy it on the same origin. */
export const ENGINE_REST_BASE = '/engine-rest';

/**
 * The server's sign-in resource beside the REST API (`server/console-session.ts`): the session
 * lives in an HttpOnly cookie, so no script of the page ever holds a password.
 */
export const CONSOLE_SESSION_PATH = '/console-session';

/** What serves the console (`server/console-server.ts`): the embedded engine or a proxy. */
export const CONSOLE_SERVER_PATH = '/console-server';

/** The header that carries the session's CSRF token, as in Camunda's webapps. */
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** sessionStorage: the name of the engine this tab talks to (`engine-selection.ts`). */
export const ENGINE_STORAGE_KEY = 'camunda-repair-console.engine';

/** Camunda's default engine, served at the REST root as well as under `/engine/default`. */
export const DEFAULT_ENGINE_NAME = 'default';
