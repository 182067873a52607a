/**
 * The servers the end-to-end tests run against (playwright.config.ts starts them), each the built
 * console with a fresh embedded engine in one of the profiles real installations run. Their
 * ports follow E2E_PORT, so two runs can share a machine (E2E_PORT=8766 npm run e2e).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8765);

export interface E2eServer {
  port: number;
  /** `server/main.ts` flags beyond `--port`. */
  flags: string[];
}

export const E2E_SERVERS = {
  /** The default profile: authentication on, history level full, with the demo data. */
  standard: { port: E2E_PORT, flags: [] },
  /** REST without authentication, Camunda Run's default: no request has a user. */
  noAuth: { port: E2E_PORT + 1, flags: ['--no-auth', '--no-demo'] },
  /** History level audit: variables have history, but no operation log is written. */
  audit: { port: E2E_PORT + 2, flags: ['--history-level', 'audit', '--no-demo'] },
} as const satisfies Record<string, E2eServer>;

/**
 * The servers' `CONSOLE_SESSION_SECRET`, so a test can seal a session cookie of its own (one whose
 * credentials the engine no longer accepts).
 */
export const E2E_SESSION_SECRET = 'the end-to-end servers share this session secret';

export function baseUrlOf({ port }: E2eServer): string {
  return `http://127.0.0.1:${String(port)}`;
}
