/** What every console benchmark shares: a fresh build of the console, Chromium, a signed-in tab. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/**
 * The benchmarks' own build of the console, in a directory of this run's own. Not `dist/`: that
 * may predate the working tree, and end-to-end runs rebuild it at any moment, which would change
 * the files under a running bench; nor one shared directory, which another bench run (another
 * checkout sharing node_modules, say) would rebuild under this one.
 */
let consoleDir: string | null = null;

const CREDENTIALS = { username: 'demo', password: 'demo' };

/** Builds the console from the working tree once per bench run; returns the directory to serve. */
export function buildConsole(): string {
  if (consoleDir === null) {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-console-'));
    process.on('exit', () => {
      rmSync(outDir, { recursive: true, force: true });
    });
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
    }
    consoleDir = outDir;
  }
  return consoleDir;
}

/** Whether the console benchmarks can run; says why not when they cannot. */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) {
    return true;
  }
  console.log(
    `\nConsole benchmarks skipped: no Chromium at ${CHROMIUM_PATH} (run scripts/ensure-chromium.mjs)`,
  );
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A tab of its own (fresh cache and storage) that is signed in as demo before any script runs:
 * the context's requests share its cookies, so signing in through them gives the tab the session.
 */
export async function signedInPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const response = await context.request.post('/console-session', { data: CREDENTIALS });
  if (!response.ok()) {
    throw new Error(`Signing in failed: ${String(response.status())} ${await response.text()}`);
  }
  return context.newPage();
}

/**
 * Waits until `selector` matches at least `count` elements and returns when that was, in
 * milliseconds since the tab's navigation started (`performance.now()`, checked every frame):
 * the page's own clock, so the time Playwright takes to notice is not counted.
 */
export async function msSinceNavigationWhen(
  page: Page,
  selector: string,
  count = 1,
  timeoutMs = 60_000,
): Promise<number> {
  const handle = await page.waitForFunction(
    ([wanted, minimum]) =>
      document.querySelectorAll(wanted).length >= minimum ? performance.now() : false,
    [selector, count] as const,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}
