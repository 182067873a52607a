/**
 * The console session: this server's own resource beside the Camunda REST API (`/console-session`,
 * served by `server/console-session.ts`), not Camunda's. Types only: the server imports them with
 * `import type`.
 */

/** `GET` and `POST /console-session`: whom the server acts for in this browser. */
export interface ConsoleSessionDto {
  /** The signed-in user; null when the operator continued on an engine that checks no credentials. */
  userId: string | null;
  /** Sent back as `X-XSRF-TOKEN` with every request that changes something. */
  csrfToken: string;
}

/**
 * `POST /console-session`: credentials the engine is to accept, or continuing without any on an
 * engine that checks none.
 */
export type ConsoleSessionRequestDto =
  { username: string; password: string } | { withoutCredentials: true };
