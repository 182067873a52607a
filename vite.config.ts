import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// With extensions: Vite's coming native config loader resolves imports as Node does.
import { CONSOLE_SESSION_PATH, ENGINE_REST_BASE } from './src/api/engine-constants.ts';

/**
 * Where `npm run dev` sends `/engine-rest`: the REST root of a real Camunda 7 engine (e.g.
 * `http://localhost:8080/engine-rest`), or by default the embedded one of `npm run engine`.
 */
const ENGINE_REST_URL = new URL(process.env.ENGINE_REST_URL ?? 'http://127.0.0.1:8080/engine-rest');

/** The instance page's path (the router's `/process-instances/$processInstanceId`). */
const INSTANCE_PAGE_PATH = /^\/process-instances\/[^/]+$/;
/** The instance page and bpmn-js, as `vite build` names their chunks' entry modules. */
const INSTANCE_PAGE_MODULES = [
  '/src/app/routes/process-instance-page.tsx',
  '/src/bpmn/navigated-viewer.ts',
];
const CHARSET_META = '<meta charset="UTF-8" />';

/**
 * A deep link to an instance (from an alert, a ticket, a colleague) is the console's most common
 * first screen, and its diagram waits for the page's chunk and bpmn-js. The router asks for them
 * only once the shell's JavaScript has loaded and run; this script in the HTML preloads them (with
 * the chunks and styles they import) while it does. Other paths preload nothing. The instance's
 * REST requests are left to the route's loader (`prefetchProcessInstance`): sending them from here
 * too, which took a second copy of the engine path, showed no gain beyond the noise in a fresh
 * tab (`npm run bench`, console-diagram).
 */
function preloadInstancePage(): Plugin {
  let base = '/';
  return {
    name: 'preload-instance-page',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (bundle === undefined) {
          return html;
        }
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const entryFiles = new Set(
          chunks
            .filter((chunk) => chunk.isEntry)
            .flatMap((chunk) => [chunk.fileName, ...chunk.imports]),
        );
        const pages = chunks.filter((chunk) =>
          INSTANCE_PAGE_MODULES.some((module) => chunk.facadeModuleId?.endsWith(module)),
        );
        if (pages.length !== INSTANCE_PAGE_MODULES.length) {
          throw new Error(
            `preload-instance-page: no chunk for one of ${INSTANCE_PAGE_MODULES.join(', ')}`,
          );
        }
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        // Every chunk the pages import, directly or through another: each level would otherwise
        // be one more round trip.
        const scripts = new Set<string>();
        const pending = pages.map((chunk) => chunk.fileName);
        for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
          if (!scripts.has(file) && !entryFiles.has(file)) {
            scripts.add(file);
            pending.push(...(byFile.get(file)?.imports ?? []));
          }
        }
        const styles = new Set(
          [...scripts].flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]),
        );
        const links = [
          ...[...scripts].map((file) => ['modulepreload', base + file]),
          ...[...styles].map((file) => ['preload', base + file]),
        ];
        const preloadScript = `if (${String(INSTANCE_PAGE_PATH)}.test(location.pathname)) {
  for (const [rel, href] of ${JSON.stringify(links)}) {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    link.crossOrigin = '';
    if (rel === 'preload') link.as = 'style';
    document.head.append(link);
  }
}`;
        // Right after the charset, before the stylesheets: a script after a stylesheet would wait
        // until the stylesheet has loaded.
        if (!html.includes(CHARSET_META)) {
          throw new Error(`preload-instance-page: index.html has no ${CHARSET_META}`);
        }
        return html.replace(CHARSET_META, `${CHARSET_META}\n    <script>${preloadScript}</script>`);
      },
    },
  };
}

/**
 * `npm run dev` answers `/engine-rest` and `/console-session` with the server's own proxy mode
 * (`createProxyApp`), so signing in works as in production: the password goes to the session's
 * HttpOnly cookie, never into the page or its storage.
 */
function consoleSessionInDev(): Plugin {
  return {
    name: 'console-session-in-dev',
    apply: 'serve',
    async configureServer(server) {
      // Loaded by Vite at start-up rather than bundled into this config with the whole server.
      const { getRequestListener } = await import('@hono/node-server');
      const { createProxyApp } = (await server.ssrLoadModule(
        '/server/app.ts',
      )) as typeof import('./server/app.ts');
      const { sessionKey } = (await server.ssrLoadModule(
        '/server/session-cookie.ts',
      )) as typeof import('./server/session-cookie.ts');
      const secret = process.env.CONSOLE_SESSION_SECRET;
      const app = createProxyApp({
        target: ENGINE_REST_URL.href,
        consoleDir: null,
        consoleSession: { key: sessionKey(secret === '' ? undefined : secret) },
      });
      const listener = getRequestListener(app.fetch);
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        if (
          path === CONSOLE_SESSION_PATH ||
          path === ENGINE_REST_BASE ||
          path.startsWith(`${ENGINE_REST_BASE}/`)
        ) {
          void listener(request, response);
        } else {
          next();
        }
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadInstancePage(), consoleSessionInDev()],
  resolve: {
    // Carbon's Sass points its font files at `~@ibm/plex…` (webpack's node_modules prefix).
    alias: [{ find: /^~(@ibm\/.*)$/, replacement: '$1' }],
  },
  css: {
    preprocessorOptions: {
      // Carbon's own Sass still triggers deprecation warnings we cannot fix from here.
      scss: { quietDeps: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['engine/**/*.test.ts', 'server/**/*.test.ts', 'conformance/**/*.test.ts'],
          // Property tests (server/preview-agreement.test.ts: a hundred plans over real REST
          // calls each) take 1–3 s alone and more than 5 s beside the dom project on two cores.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-tests.ts'],
          // Whole-screen tests (the modification workspace: Carbon, forms, the engine's preview)
          // take 2–5 s in jsdom on a 2-core machine; 5 s left no room for a busy one.
          testTimeout: 20_000,
        },
      },
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
