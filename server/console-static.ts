/**
 * Serves the built console (`vite build` output) at `/`, with the single-page-app fallback: a GET
 * for a path that is no file gets `index.html`, so deep links work. Only what `vite build` put
 * into the directory is served: no dotfiles, nothing a symlink leads to outside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

const NOT_BUILT = 'The console has not been built: run `npm run build`, then restart the server.';

/**
 * `vite build` names every file under `assets/` after a hash of its content, so a browser may keep
 * them for good; everything else (index.html, which names the current assets) is checked with the
 * server on each use, so a new build reaches the next page load.
 */
const HASHED_ASSET = /^\/assets\//;
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** A path segment starting with a dot: `.env`, `.git/config`, and `..` as well. */
const DOT_SEGMENT = /(?:^|\/)\./;

function decodedPath(c: Context): string | null {
  try {
    return decodeURIComponent(c.req.path);
  } catch {
    return null;
  }
}

/** Whether `path` exists and, symlinks resolved, lies inside `root` (itself resolved). */
async function isInside(root: string, path: string): Promise<boolean | 'missing'> {
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch {
    return 'missing';
  }
  const resolvedRoot = await realpath(root);
  return resolved === resolvedRoot || resolved.startsWith(`${resolvedRoot}${sep}`);
}

interface HashedAsset {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * A hashed asset from memory, read once: what a name under `assets/` holds never changes. A fresh
 * tab asks for some thirty of them at once, each of which would otherwise take its own checks,
 * stat and read on the one thread that also answers the engine's REST requests.
 */
function hashedAssetResponse(c: Context, asset: HashedAsset): Response {
  const headers = {
    'Content-Type': asset.type,
    'Content-Length': String(asset.body.byteLength),
    'Cache-Control': CACHE_FOREVER,
  };
  return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(asset.body, 200, headers);
}

async function readHashedAsset(file: string): Promise<HashedAsset | null> {
  try {
    const body = new Uint8Array(await readFile(file));
    return { body, type: getMimeType(file) ?? 'application/octet-stream' };
  } catch {
    // A directory (`/assets/`), or gone since it was found: served as before.
    return null;
  }
}

export function consoleHandler<E extends Env>(consoleDir: string): MiddlewareHandler<E> {
  let files: MiddlewareHandler<E> | null = null;
  let index: MiddlewareHandler<E> | null = null;
  // Only paths that passed the checks below; a later request for the same path is as safe.
  const hashedAssets = new Map<string, HashedAsset>();
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
    const path = decodedPath(c);
    if (path === null || DOT_SEGMENT.test(path) || path.includes('\\') || path.includes('\0')) {
      return c.text('Not Found', 404);
    }
    const remembered = hashedAssets.get(path);
    if (remembered !== undefined) {
      return hashedAssetResponse(c, remembered);
    }
    const found = await isInside(consoleDir, join(consoleDir, path));
    if (found === false || (await isInside(consoleDir, join(consoleDir, 'index.html'))) !== true) {
      return c.text('Not Found', 404);
    }
    if (found === true && HASHED_ASSET.test(path)) {
      const asset = await readHashedAsset(join(consoleDir, path));
      if (asset !== null) {
        hashedAssets.set(path, asset);
        return hashedAssetResponse(c, asset);
      }
    }
    if (found === true) {
      const file = await files(c, () => Promise.resolve());
      if (file !== undefined) {
        file.headers.set(
          'Cache-Control',
          HASHED_ASSET.test(c.req.path) ? CACHE_FOREVER : REVALIDATE,
        );
        return file;
      }
    }
    const page = await index(c, next);
    page?.headers.set('Cache-Control', REVALIDATE);
    return page;
  };
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

interface IndexHashes {
  mtimeMs: number;
  size: number;
  sources: readonly string[];
}

/**
 * The CSP sources (`'sha256-…'`) of the inline scripts in the console's index.html: `vite build`
 * writes one that preloads a deep link's modules and requests before the bundle runs. Read again
 * whenever the file changes, so a rebuild while the server runs keeps working.
 */
export function inlineScriptHashes(consoleDir: string): () => readonly string[] {
  let cached: IndexHashes | null = null;
  return () => {
    const file = join(consoleDir, 'index.html');
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return [];
    }
    if (cached?.mtimeMs !== stats.mtimeMs || cached.size !== stats.size) {
      const html = readFileSync(file, 'utf8');
      const sources = [...html.matchAll(INLINE_SCRIPT)]
        .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes ?? ''))
        .map(
          ([, , body]) =>
            `'sha256-${createHash('sha256')
              .update(body ?? '')
              .digest('base64')}'`,
        );
      cached = { mtimeMs: stats.mtimeMs, size: stats.size, sources };
    }
    return cached.sources;
  };
}
