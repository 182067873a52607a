import { defineConfig } from '@playwright/test';

import { baseUrlOf, E2E_SERVERS, E2E_SESSION_SECRET } from './e2e/e2e-servers';
import type { E2eServer } from './e2e/e2e-servers';

const BASE_URL = baseUrlOf(E2E_SERVERS.standard);

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
  // Two workers on a two-core machine: the first diagram of a page (bpmn-js loads on demand) took
  // more than the default 5 s in some runs while the other worker was busy.
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The built console (vite build runs first, see `npm run e2e`) with a fresh embedded engine in
  // each profile of e2e-servers.ts; each test deploys and starts what it needs, so tests never
  // depend on each other.
  webServer: Object.values(E2E_SERVERS).map(toWebServer),
});

function toWebServer(server: E2eServer) {
  return {
    command: ['npx tsx server/main.ts --port', String(server.port), ...server.flags].join(' '),
    env: { PORT: String(server.port), CONSOLE_SESSION_SECRET: E2E_SESSION_SECRET },
    // Answers 401 without credentials where authentication is on, which Playwright counts as up.
    url: `${baseUrlOf(server)}/engine-rest/version`,
    reuseExistingServer: !isCi,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}
