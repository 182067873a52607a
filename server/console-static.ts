/**
 * Serves the built console (`vite build` output) at `/`, with the single-page-app fallback: a GET
 * for a path that is no file gets `index.html`, so deep links work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, MiddlewareHandler } from 'hono';

const NOT_BUILT = 'The console has not been built: run `npm run build`, then restart the server.';

export function consoleHandler<E extends Env>(consoleDir: string): MiddlewareHandler<E> {
  let files: MiddlewareHandler<E> | null = null;
  let index: MiddlewareHandler<E> | null = null;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return next();
    }
    // Created once the directory exists, so a console built after start-up is picked up.
    if (!files || !index) {
      if (!existsSync(join(consoleDir, 'index.html'))) {
        return c.text(NOT_BUILT, 404);
      }
      files = serveStatic<E>({ root: consoleDir });
      index = serveStatic<E>({ root: consoleDir, path: 'index.html' });
    }
    const file = await files(c, () => Promise.resolve());
    return file ?? index(c, next);
  };
}
