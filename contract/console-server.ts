/**
 * What serves the console: this server's own resource beside the Camunda REST API
 * (`/console-server`, served by `server/console-server.ts`), not Camunda's. Types only.
 */

/** `GET /console-server`. */
export interface ConsoleServerDto {
  /**
   * `embedded`: the server runs its own engine; `proxy`: it forwards `/engine-rest` to the engine
   * `ENGINE_REST_URL` names, which keeps its state in its own database.
   */
  engine: 'embedded' | 'proxy';
  /** Whether the engine's state lives only in the server's memory, lost when it stops. */
  stateInMemory: boolean;
}
