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
 * Frames are the gaps between `requestAnimationFrame` callbacks, so a slow frame is one the page's
 * main thread did not finish in time, whatever kept it: the page's own work, or a machine too busy
 * to run the browser (headless Chromium still paces its frames at 60 Hz). Each run of the table is
 * therefore followed by the same gesture, in the same browser and viewport, over a plain page: a
 * scroll container of the table's size and height holding nothing but static stripes. Its slow
 * frames are what the machine costs; the table's beyond those are the table's.
 *
 * Env: `BENCH_SCROLL_INSTANCES` (default 100000) instances, `BENCH_SCROLL_SPEED` (default
 * 100000, some 2,000 rows) pixels per second, `BENCH_SCROLL_RUNS` (default 3) runs of each.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
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
const RUNS = envPositiveInt('BENCH_SCROLL_RUNS', 3);
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

const VIEWPORT = { width: 1280, height: 900 };

const numberFormat = new Intl.NumberFormat('en-US');

/** The frames of one or more wheels through a scroll container. */
export interface FrameFigures {
  frames: number;
  slowFrames: number;
  /** `slowFrames / frames`, from 0 to 1. */
  slowFrameShare: number;
}

/** What `benchConsoleInstanceScroll` measured: all runs together, and the spread between them. */
export interface ScrollBenchFigures extends FrameFigures {
  /** The lowest and highest `slowFrameShare` of a single run. */
  slowFrameShareMin: number;
  slowFrameShareMax: number;
  /** The same gesture over a plain page, run for run between those of the table. */
  baseline: FrameFigures & { slowFrameShareMin: number; slowFrameShareMax: number };
}

interface WheelFigures {
  distancePx: number;
  gestures: number;
  scrollMs: number;
  frames: number;
  slowFrames: number;
  worstFrameMs: number;
}

interface ScrollFigures extends WheelFigures {
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

/** How far `selector` still has to scroll to show its end. */
function remainingPx(page: Page, selector: string): Promise<number> {
  return page.evaluate((scroller) => {
    const element = document.querySelector(scroller);
    return element === null ? 0 : element.scrollHeight - element.clientHeight - element.scrollTop;
  }, selector);
}

/** Wheels `selector` from where it is to its end, recording the page's frames on the way. */
async function wheelToEnd(page: Page, selector: string): Promise<WheelFigures> {
  const box = await page.locator(selector).boundingBox();
  if (box === null) {
    throw new Error(`${selector} is not visible`);
  }
  await page.evaluate(RECORD_FRAMES);
  const cdp = await page.context().newCDPSession(page);
  const distancePx = await remainingPx(page, selector);
  let gestures = 0;
  const scrollMs = await measureMs(async () => {
    // Chromium may end a gesture a few pixels short of its distance: wheel on until the end.
    for (let remaining = distancePx; remaining > 1; remaining = await remainingPx(page, selector)) {
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
  await cdp.detach();
  return {
    distancePx,
    gestures,
    scrollMs,
    frames: gaps.length,
    slowFrames: gaps.filter((gap) => gap > FRAME_BUDGET_MS + FRAME_JITTER_MS).length,
    worstFrameMs: Math.max(...gaps),
  };
}

async function scrollTableToEnd(page: Page): Promise<ScrollFigures> {
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
  const wheel = await wheelToEnd(page, TABLE);
  const lastRowsMs = await measureMs(() =>
    page.waitForSelector(LAST_ROW, { timeout: LAST_ROWS_TIMEOUT_MS }),
  ).catch(() => null);
  return {
    ...wheel,
    rowsFetched: (await Promise.all(pages)).reduce((sum, rows) => sum + rows, 0),
    pagesFetched: pages.length,
    lastRowsMs,
  };
}

/** The table's scroll container as it was measured: where it is, and how far it scrolls. */
interface ScrollerBox {
  x: number;
  y: number;
  width: number;
  height: number;
  scrollHeight: number;
}

async function measureScroller(page: Page): Promise<ScrollerBox> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (element === null) {
      throw new Error(`${selector} is not there`);
    }
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height, scrollHeight: element.scrollHeight };
  }, TABLE);
}

/**
 * The plain page: a scroll container where the table's is, as large and as tall, with static
 * stripes of the table's row height and nothing that listens to the scrolling.
 */
async function wheelPlainPage(browser: Browser, scroller: ScrollerBox): Promise<WheelFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><style>
        body { margin: 0; }
        .plain { position: absolute; overflow: auto; background: #f4f4f4;
          left: ${String(scroller.x)}px; top: ${String(scroller.y)}px;
          width: ${String(scroller.width)}px; height: ${String(scroller.height)}px; }
        .plain div { height: ${String(scroller.scrollHeight)}px;
          background: repeating-linear-gradient(#fff 0 47px, #e0e0e0 47px 48px); }
      </style><div class="plain"><div></div></div>`,
    );
    return await wheelToEnd(page, '.plain');
  } finally {
    await context.close();
  }
}

function frameFigures(runs: readonly WheelFigures[]): FrameFigures & {
  slowFrameShareMin: number;
  slowFrameShareMax: number;
} {
  const frames = runs.reduce((sum, run) => sum + run.frames, 0);
  const slowFrames = runs.reduce((sum, run) => sum + run.slowFrames, 0);
  const shares = runs.map((run) => run.slowFrames / run.frames);
  return {
    frames,
    slowFrames,
    slowFrameShare: slowFrames / frames,
    slowFrameShareMin: Math.min(...shares),
    slowFrameShareMax: Math.max(...shares),
  };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

function frameCells(run: WheelFigures): string[] {
  return [
    `${(run.scrollMs / 1000).toFixed(1)} s`,
    numberFormat.format(run.frames),
    `${numberFormat.format(run.slowFrames)} (${percent(run.slowFrames / run.frames)})`,
    run.worstFrameMs.toFixed(0),
  ];
}

export async function benchConsoleInstanceScroll(): Promise<ScrollBenchFigures | null> {
  if (!hasChromium()) {
    return null;
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
    const tableRuns: ScrollFigures[] = [];
    const plainRuns: WheelFigures[] = [];
    // Table and plain page by turns: both see the same moments of a busy machine.
    for (let run = 0; run < RUNS; run++) {
      // A tab of its own each run: nothing loaded or cached by an earlier one.
      const page = await signedInPage(browser, server.baseUrl);
      await page.setViewportSize(VIEWPORT);
      await page.goto(`/process-definitions/${encodeURIComponent(definitionId)}`);
      await msSinceNavigationWhen(page, LOADED_ROW);
      const scroller = await measureScroller(page);
      tableRuns.push(await scrollTableToEnd(page));
      await page.context().close();
      plainRuns.push(await wheelPlainPage(browser, scroller));
    }

    const [first] = tableRuns;
    console.log(
      `\nInstance table with ${numberFormat.format(INSTANCE_COUNT)} running instances` +
        ` (started in the engine in ${(startMs / 1000).toFixed(1)} s): the table wheeled from top to` +
        ` bottom (${numberFormat.format(first?.distancePx ?? 0)} px at ${numberFormat.format(SPEED_PX_PER_S)} px/s),` +
        ` then a plain page of the same size, ${String(RUNS)} time${RUNS === 1 ? '' : 's'} each`,
    );
    console.log(
      formatTable(
        [
          'run',
          'wheeled in',
          'frames',
          `over ${FRAME_BUDGET_MS.toFixed(1)} ms`,
          'worst ms',
          'rows fetched',
          'pages fetched',
          'last rows after',
        ],
        tableRuns.flatMap((table, run) => {
          const plain = plainRuns[run];
          return [
            [
              `table ${String(run + 1)}`,
              ...frameCells(table),
              numberFormat.format(table.rowsFetched),
              numberFormat.format(table.pagesFetched),
              table.lastRowsMs === null
                ? `> ${String(LAST_ROWS_TIMEOUT_MS / 1000)} s`
                : `${(table.lastRowsMs / 1000).toFixed(1)} s`,
            ],
            ...(plain === undefined
              ? []
              : [[`plain page ${String(run + 1)}`, ...frameCells(plain), '', '', '']]),
          ];
        }),
      ),
    );
    const figures: ScrollBenchFigures = {
      ...frameFigures(tableRuns),
      baseline: frameFigures(plainRuns),
    };
    const spread = (of: { slowFrameShareMin: number; slowFrameShareMax: number }) =>
      RUNS === 1
        ? ''
        : ` (runs ${percent(of.slowFrameShareMin)} to ${percent(of.slowFrameShareMax)})`;
    console.log(
      `Frames over ${FRAME_BUDGET_MS.toFixed(1)} ms: table ${percent(figures.slowFrameShare)}` +
        `${spread(figures)}, plain page ${percent(figures.baseline.slowFrameShare)}${spread(figures.baseline)}`,
    );
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}
