import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Where `npm run dev` sends `/engine-rest`: the REST root of a real Camunda 7 engine (e.g.
 * `http://localhost:8080/engine-rest`), or by default the embedded one of `npm run engine`.
 */
const ENGINE_REST_URL = new URL(process.env.ENGINE_REST_URL ?? 'http://127.0.0.1:8080/engine-rest');
const ENGINE_REST_PATH = ENGINE_REST_URL.pathname.replace(/\/$/, '');

export default defineConfig({
  plugins: [react()],
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
  server: {
    proxy: {
      '/engine-rest': {
        target: ENGINE_REST_URL.origin,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/engine-rest/, ENGINE_REST_PATH),
      },
    },
  },
  test: {
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['engine/**/*.test.ts', 'server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
