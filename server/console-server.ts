/**
 * `GET /console-server`: tells the console what serves it, so its shell can say that the
 * embedded engine keeps its state in memory. Nothing secret: the sign-in page asks before anyone
 * has signed in.
 */
import type { Hono } from 'hono';

import type { ConsoleServerDto } from '../contract/console-server';

/** The console's `CONSOLE_SERVER_PATH` (src/api/engine-constants.ts). */
export const CONSOLE_SERVER_PATH = '/console-server';

export function addConsoleServer(app: Hono, server: ConsoleServerDto): void {
  app.get(CONSOLE_SERVER_PATH, (c) => c.json<ConsoleServerDto>(server));
}
