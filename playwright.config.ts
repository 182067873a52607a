import { defineConfig } from '@playwright/test';

// Another port lets two e2e runs share a machine (E2E_PORT=8766 npm run e2e).
const E2E_PORT = Number(process.env.E2E_PORT ?? 8765);
const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * Playwright cannot download its own browsers on this project's machines, so the suite drives
 * Debian's Chromium (`scripts/ensure-chromium.mjs` installs it) or whatever CHROMIUM_PATH names.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const isCi = process.env.CI !== undefined && process.env.CI !== '';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCi,
  retries: 0,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The built console (vite build runs first, see `npm run e2e`) and a fresh embedded engine with
  // its demo data; each test deploys and starts what it needs, so tests never depend on each other.
  webServer: {
    command: `npx tsx server/main.ts --port ${E2E_PORT}`,
    env: { PORT: String(E2E_PORT) },
    // Answers 401 without credentials, which Playwright counts as up.
    url: `${BASE_URL}/engine-rest/version`,
    reuseExistingServer: !isCi,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
