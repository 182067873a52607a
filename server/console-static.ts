/**
 * Serves the built console (`vite build` output) at `/`, with the single-page-app fallback: a GET
 * for a path that is no file gets `index.html`, so deep links work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, MiddlewareHandler } from 'hono';

const NOT_BUILT = 'The console has not been built: run `npm run build`, then restart the server.';

/**
 * `vite build` names every file under `assets/` after a hash of its content, so a browser may keep
 * them for good; everything else (index.html, which names the current assets) is checked with the
 * server on each use, so a new build reaches the next page load.
 */
const HASHED_ASSET = /^\/assets\//;
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

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
    if (file !== undefined) {
      file.headers.set('Cache-Control', HASHED_ASSET.test(c.req.path) ? CACHE_FOREVER : REVALIDATE);
      return file;
    }
    const page = await index(c, next);
    page?.headers.set('Cache-Control', REVALIDATE);
    return page;
  };
}
