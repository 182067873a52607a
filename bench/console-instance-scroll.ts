/**
 * The instance list in a real Chromium with 100,000 running instances of one definition: the
 * virtualised table is scrolled from top to bottom with the mouse wheel, while the page records
 * the time between its animation frames. Prints how many frames there were, how many took longer
 * than one 60 Hz frame (16.7 ms), the worst one, how many rows the table fetched on the way, and
 * how long after the wheel stopped its last rows were filled in.
 *
 * The wheel is Chromium's own synthetic scroll gesture (`Input.synthesizeScrollGesture` with the
 * mouse as its source, what Chromium's smoothness benchmarks use): wheel events at a steady
 * speed through the browser's input pipeline, as a fast flick of a wheel would send them.
 *
 * Env: `BENCH_SCROLL_INSTANCES` (default 100000) instances, `BENCH_SCROLL_SPEED` (default
 * 100000, some 2,000 rows) pixels per second.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ProcessEngine } from '../engine/process-engine';
import type { ProcessInstanceDto } from '../contract/camunda/process-instance';
import {
  buildConsole,
  hasChromium,
  launchChromium,
  msSinceNavigationWhen,
  signedInPage,
} from './lib/console-browser';
import { startInstancesDirectly } from './lib/direct-instances';
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import { measureMs } from './lib/latency';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const INSTANCE_COUNT = envPositiveInt('BENCH_SCROLL_INSTANCES', 100_000);
const SPEED_PX_PER_S = envPositiveInt('BENCH_SCROLL_SPEED', 100_000);
const FIXTURE_FILE = 'two-tasks.bpmn';
const PROCESS_KEY = 'benchTwoTasks';
const TABLE = '.virtual-table';
/** A row whose cells are filled (not a placeholder of a page still loading). */
const LOADED_ROW = `${TABLE} tbody tr[aria-rowindex]:not([aria-busy])`;
/** The table's last row, filled: what the operator waits for once the wheel has stopped. */
const LAST_ROW = `${LOADED_ROW}[aria-rowindex="${String(INSTANCE_COUNT + 1)}"]`;
/**
 * The table asks for every page it passes, and the server answers each of them, aborted or not:
 * the last page may queue behind all of those. Past this, the figure says so instead of waiting.
 */
const LAST_ROWS_TIMEOUT_MS = 60_000;
/** One frame at 60 Hz; a longer gap between two animation frames is a frame the eye can miss. */
const FRAME_BUDGET_MS = 1000 / 60;
/** rAF timestamps are vsync-aligned but jitter by a fraction of a millisecond. */
const FRAME_JITTER_MS = 0.5;

const numberFormat = new Intl.NumberFormat('en-US');

interface ScrollFigures {
  distancePx: number;
  gestures: number;
  scrollMs: number;
  frames: number;
  slowFrames: number;
  worstFrameMs: number;
  rowsFetched: number;
  /** Page requests that were answered; those aborted as their page left the view are not. */
  pagesFetched: number;
  /** From the end of the wheel gesture until the last row is filled; null past the timeout. */
  lastRowsMs: number | null;
}

/**
 * Records the gap between consecutive animation frames until `window.__stopFrames()` returns
 * them. Passed as text: tsx names the functions it compiles with a helper the page does not have.
 */
const RECORD_FRAMES = `(() => {
  const gaps = [];
  let last = performance.now();
  let recording = true;
  const onFrame = (time) => {
    gaps.push(time - last);
    last = time;
    if (recording) {
      requestAnimationFrame(onFrame);
    }
  };
  requestAnimationFrame(onFrame);
  window.__stopFrames = () => {
    recording = false;
    return gaps;
  };
})()`;

/** How far the table still has to scroll to show its last row. */
function remainingPx(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const table = document.querySelector(selector);
    return table === null ? 0 : table.scrollHeight - table.clientHeight - table.scrollTop;
  }, TABLE);
}

async function scrollToEnd(page: Page): Promise<ScrollFigures> {
  const pages: Promise<number>[] = [];
  // Answered requests only: one the table aborted (its page scrolled out of view) has no response.
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('/process-instance') && url.searchParams.has('firstResult')) {
      pages.push(
        response.json().then(
          (rows: ProcessInstanceDto[]) => rows.length,
          // Aborted while its body was still arriving.
          () => 0,
        ),
      );
    }
  });
  const box = await page.locator(TABLE).boundingBox();
  if (box === null) {
    throw new Error('the instance table is not visible');
  }
  await page.evaluate(RECORD_FRAMES);
  const cdp = await page.context().newCDPSession(page);
  const distancePx = await remainingPx(page);
  let gestures = 0;
  const scrollMs = await measureMs(async () => {
    // Chromium may end a gesture a few pixels short of its distance: wheel on until the end.
    for (let remaining = distancePx; remaining > 1; remaining = await remainingPx(page)) {
      await cdp.send('Input.synthesizeScrollGesture', {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
        yDistance: -remaining,
        speed: SPEED_PX_PER_S,
        gestureSourceType: 'mouse',
      });
      gestures++;
    }
  });
  const gaps = await page.evaluate(() =>
    (window as unknown as { __stopFrames: () => number[] }).__stopFrames(),
  );
  const lastRowsMs = await measureMs(() =>
    page.waitForSelector(LAST_ROW, { timeout: LAST_ROWS_TIMEOUT_MS }),
  ).catch(() => null);
  return {
    distancePx,
    gestures,
    scrollMs,
    frames: gaps.length,
    slowFrames: gaps.filter((gap) => gap > FRAME_BUDGET_MS + FRAME_JITTER_MS).length,
    worstFrameMs: Math.max(...gaps),
    rowsFetched: (await Promise.all(pages)).reduce((sum, rows) => sum + rows, 0),
    pagesFetched: pages.length,
    lastRowsMs,
  };
}

export async function benchConsoleInstanceScroll(): Promise<void> {
  if (!hasChromium()) {
    return;
  }
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine, { consoleDir: buildConsole() });
  const browser = await launchChromium();
  try {
    const client = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
    await client.deploy(FIXTURE_FILE, xml);
    let definitionId = '';
    const startMs = await measureMs(() => {
      definitionId = startInstancesDirectly(engine, PROCESS_KEY, INSTANCE_COUNT, 'scroll');
      return Promise.resolve();
    });
    const page = await signedInPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/process-definitions/${encodeURIComponent(definitionId)}`);
    await msSinceNavigationWhen(page, LOADED_ROW);
    const figures = await scrollToEnd(page);
    await page.context().close();

    console.log(
      `\nInstance table with ${numberFormat.format(INSTANCE_COUNT)} running instances` +
        ` (started in the engine in ${(startMs / 1000).toFixed(1)} s): the table wheeled from top to` +
        ` bottom (${numberFormat.format(figures.distancePx)} px at ${numberFormat.format(SPEED_PX_PER_S)} px/s,` +
        ` ${String(figures.gestures)} gesture${figures.gestures === 1 ? '' : 's'}) in ${(figures.scrollMs / 1000).toFixed(1)} s`,
    );
    console.log(
      formatTable(
        [
          'frames',
          `over ${FRAME_BUDGET_MS.toFixed(1)} ms`,
          'worst ms',
          'rows fetched',
          'pages fetched',
          'last rows after',
        ],
        [
          [
            numberFormat.format(figures.frames),
            `${numberFormat.format(figures.slowFrames)} (${((100 * figures.slowFrames) / figures.frames).toFixed(0)} %)`,
            figures.worstFrameMs.toFixed(0),
            numberFormat.format(figures.rowsFetched),
            numberFormat.format(figures.pagesFetched),
            figures.lastRowsMs === null
              ? `> ${String(LAST_ROWS_TIMEOUT_MS / 1000)} s`
              : `${(figures.lastRowsMs / 1000).toFixed(1)} s`,
          ],
        ],
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
