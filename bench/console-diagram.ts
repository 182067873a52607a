/**
 * The console in a real Chromium: time from navigation to an interactive diagram with overlays
 * for a 300-element process with 1,000 activity instances, beside bare bpmn-js importing and
 * rendering the same XML in the same browser run (aim: within 1.3x); and the gzip size of the
 * JavaScript the first screen loads (aim: under 250 kB).
 *
 * The figures do not measure the same work. The console, in a fresh tab: from navigation, with
 * nothing cached, so all of its JavaScript and styles load and compile, and the REST requests for
 * the instance, the tree, the definition and the XML are made. The same with the console's files
 * in the browser's cache (an operator's usual deep link). From a click in a definition's instance
 * list, which has preloaded the instance page's code, bpmn-js and the definition's XML, but not the
 * instance or its tree. Bare bpmn-js as a page of its own, from navigation in a fresh tab: loads
 * bpmn-js' bundle, fetches the XML, imports it (like for like with the fresh-tab figures). Bare
 * bpmn-js import: bpmn-js already loaded and the XML in hand. All end once the imported diagram is
 * fitted, at the next animation frame, the console's only when a token badge is in its overlay.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { ProcessEngine } from '../engine/process-engine';
import {
  buildConsole,
  hasChromium,
  launchChromium,
  msSinceNavigationWhen,
  signedInPage,
} from './lib/console-browser';
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import { formatSpread, spreadOf, summarize } from './lib/latency';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';
import { generateLargeProcess } from './lib/large-process';

/** Runs of each measurement, interleaved; `BENCH_DIAGRAM_RUNS` sets more on a noisy machine. */
const RUNS = envPositiveInt('BENCH_DIAGRAM_RUNS', 9);
const BPMN_VIEWER = new URL(
  '../node_modules/bpmn-js/dist/bpmn-navigated-viewer.production.min.js',
  import.meta.url,
);
/** A token badge, rendered by React into its overlay, on a diagram whose import has finished. */
const TOKEN_BADGE = '[data-diagram-state="ready"] .djs-overlay .bpmn-diagram__overlay > *';

/**
 * From the start of the navigation (a fresh tab: nothing cached) until the diagram is imported,
 * fitted, and React has rendered a token badge into its overlay; read off the page's own clock.
 */
async function timeConsole(browser: Browser, baseUrl: string, instanceId: string): Promise<number> {
  const page = await signedInPage(browser, baseUrl);
  await page.goto(`/process-instances/${instanceId}`, { waitUntil: 'commit' });
  const elapsed = await msSinceNavigationWhen(page, TOKEN_BADGE);
  await page.context().close();
  return elapsed;
}

/**
 * The same in a new tab of a browser that has shown the console before: its files come from the
 * browser's cache (they are served as immutable), the instance's data from the engine.
 */
async function timeConsoleCached(
  browser: Browser,
  baseUrl: string,
  instanceId: string,
): Promise<number> {
  const earlier = await signedInPage(browser, baseUrl);
  await earlier.goto(`/process-instances/${instanceId}`);
  await msSinceNavigationWhen(earlier, TOKEN_BADGE);
  const page = await earlier.context().newPage();
  await earlier.close();
  await page.goto(`/process-instances/${instanceId}`, { waitUntil: 'commit' });
  const elapsed = await msSinceNavigationWhen(page, TOKEN_BADGE);
  await page.context().close();
  return elapsed;
}

/**
 * Inside the console: from the instance list, a click on the instance's link until a token badge
 * is on its diagram. The click comes once the list has settled (no request for half a second), as
 * an operator's does after reading it; by then the list has preloaded what every instance of the
 * definition shares (the instance page's code, bpmn-js, the XML), not the instance's own data.
 * Timed from the click event, so Playwright's own round trip before it is not counted.
 */
async function timeInAppNavigation(
  browser: Browser,
  baseUrl: string,
  definitionId: string,
  instanceId: string,
): Promise<number> {
  const page = await signedInPage(browser, baseUrl);
  await page.goto(`/process-definitions/${encodeURIComponent(definitionId)}`);
  const link = page.locator(`a[href="/process-instances/${instanceId}"]`);
  await link.waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        document.body.dataset.clickedAt = String(event.timeStamp);
      },
      { capture: true, once: true },
    );
  });
  await link.click();
  const shown = await msSinceNavigationWhen(page, TOKEN_BADGE);
  const clicked = Number(await page.evaluate(() => document.body.dataset.clickedAt));
  await page.context().close();
  return shown - clicked;
}

/** Bare bpmn-js in the same browser: load the viewer, import the XML, fit the viewport. */
async function timeBareViewer(browser: Browser, xml: string): Promise<number> {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1400px;height:800px"></div>');
  await page.addScriptTag({ content: readFileSync(BPMN_VIEWER, 'utf8') });
  const elapsed = await page.evaluate(async (diagram) => {
    const started = performance.now();
    const Viewer = (
      window as unknown as {
        BpmnJS: new (options: { container: string }) => {
          importXML: (xml: string) => Promise<unknown>;
          get: (name: string) => { zoom: (mode: string) => void };
        };
      }
    ).BpmnJS;
    const viewer = new Viewer({ container: '#canvas' });
    await viewer.importXML(diagram);
    viewer.get('canvas').zoom('fit-viewport');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  }, xml);
  await page.close();
  return elapsed;
}

/** A page with nothing but bpmn-js: it loads the viewer, fetches the XML and shows it, fitted. */
const BARE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><script src="/viewer.js"></script></head>
<body style="margin:0"><div id="canvas" style="width:1400px;height:800px"></div>
<script>
  fetch('/diagram.bpmn').then((response) => response.text()).then(async (xml) => {
    const viewer = new BpmnJS({ container: '#canvas' });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    requestAnimationFrame(() => { document.body.dataset.shownAt = String(performance.now()); });
  });
</script></body></html>`;

/** Serves `BARE_PAGE`, bpmn-js' production bundle and the XML from a loopback port. */
async function startBarePageServer(xml: string): Promise<{ url: string; close: () => void }> {
  const files: Record<string, [string, string]> = {
    '/': ['text/html', BARE_PAGE],
    '/viewer.js': ['text/javascript', readFileSync(BPMN_VIEWER, 'utf8')],
    '/diagram.bpmn': ['application/xml', xml],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file === undefined ? 404 : 200, {
      'Content-Type': file?.[0] ?? 'text/plain',
    });
    response.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}/`, close: () => server.close() };
}

/**
 * Bare bpmn-js as a page of its own, from navigation in a fresh tab: what the console's fresh-tab
 * figure is, without the console (its JavaScript, styles, REST requests and token overlays).
 */
async function timeBarePage(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(
    () => (document.body as HTMLElement | null)?.dataset.shownAt,
    undefined,
    {
      polling: 'raf',
      timeout: 60_000,
    },
  );
  const elapsed = Number(await shown.jsonValue());
  await context.close();
  return elapsed;
}

/** Every JavaScript response of the first screen after sign-in (the definitions list), gzipped. */
async function firstScreenJs(
  browser: Browser,
  baseUrl: string,
): Promise<{ files: number; gzipBytes: number }> {
  const page = await signedInPage(browser, baseUrl);
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) {
      bodies.push(response.body());
    }
  });
  await page.goto('/process-definitions');
  await page.waitForSelector('table', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const buffers = await Promise.all(bodies);
  await page.context().close();
  return {
    files: buffers.length,
    gzipBytes: buffers.reduce((sum, body) => sum + gzipSync(body).length, 0),
  };
}

/** Every sample of one run of the part, in milliseconds, in the order they were taken. */
export interface ConsoleDiagramSamples {
  /** The console in a fresh tab, from navigation. */
  freshTab: number[];
  /** The same with the console's files in the browser's cache. */
  cachedTab: number[];
  /** From a click in the instance list. */
  click: number[];
  /** Bare bpmn-js as a page of its own, in a fresh tab. */
  barePage: number[];
  /** Bare bpmn-js importing the XML it already holds. */
  bareImport: number[];
}

/** The part's figures: medians' ratios against the bare baselines of the same run. */
export interface ConsoleDiagramFigures {
  /** Median click → badge over median bare import (aim: at most 1.3). */
  clickVsBareImport: number;
  /** Median fresh tab → badge over median bare page (aim: at most 1.5). */
  freshTabVsBarePage: number;
  /** The first screen's JavaScript (the definitions list), gzip (aim: under 250). */
  firstScreenGzipKb: number;
  samples: ConsoleDiagramSamples;
}

export async function benchConsoleDiagram(): Promise<ConsoleDiagramFigures | undefined> {
  if (!hasChromium()) {
    return undefined;
  }
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine, { consoleDir: buildConsole() });
  const browser = await launchChromium();
  try {
    const client = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    const large = generateLargeProcess();
    await client.deploy('large.bpmn', large.xml);
    const { id, definitionId } = await client.postJson<{ id: string; definitionId: string }>(
      `/process-definition/key/${large.key}/start`,
      {},
    );
    const bare = await startBarePageServer(large.xml);
    const times: ConsoleDiagramSamples = {
      freshTab: [],
      cachedTab: [],
      click: [],
      barePage: [],
      bareImport: [],
    };
    await timeConsole(browser, server.baseUrl, id);
    await timeBareViewer(browser, large.xml);
    for (let run = 0; run < RUNS; run++) {
      times.freshTab.push(await timeConsole(browser, server.baseUrl, id));
      times.cachedTab.push(await timeConsoleCached(browser, server.baseUrl, id));
      times.click.push(await timeInAppNavigation(browser, server.baseUrl, definitionId, id));
      times.barePage.push(await timeBarePage(browser, bare.url));
      times.bareImport.push(await timeBareViewer(browser, large.xml));
    }
    bare.close();
    const p50 = (samples: number[]) => summarize(samples).p50Ms;
    const bareP50 = p50(times.bareImport);
    const barePageP50 = p50(times.barePage);
    // The machine's noise shows in the spread: compare medians, read the ratios with it in mind.
    const row = (what: string, samples: number[], barePageRatio: boolean) => [
      what,
      p50(samples).toFixed(0),
      formatSpread(spreadOf(samples), 0),
      `${(p50(samples) / bareP50).toFixed(2)}x`,
      barePageRatio ? `${(p50(samples) / barePageP50).toFixed(2)}x` : '',
    ];
    console.log(
      `\nDiagram of ${String(large.elements)} elements with ${String(large.activityInstances)} activity instances, median of ${String(RUNS)} runs`,
    );
    console.log(
      formatTable(
        ['what', 'ms', 'min–max', 'vs bare import', 'vs bare page'],
        [
          row(
            'console: navigation in a fresh tab → diagram with token overlays',
            times.freshTab,
            true,
          ),
          row('console: the same, its files in the browser cache', times.cachedTab, true),
          row('console: click in the instance list → the same', times.click, false),
          row(
            'bare bpmn-js page: navigation in a fresh tab → the same XML shown',
            times.barePage,
            true,
          ),
          row('bare bpmn-js: import + render the same XML', times.bareImport, false),
        ],
      ),
    );
    const js = await firstScreenJs(browser, server.baseUrl);
    console.log(
      `First screen (process definitions): ${String(js.files)} JavaScript files, ${(js.gzipBytes / 1024).toFixed(1)} kB gzip`,
    );
    return {
      clickVsBareImport: p50(times.click) / bareP50,
      freshTabVsBarePage: p50(times.freshTab) / barePageP50,
      firstScreenGzipKb: js.gzipBytes / 1024,
      samples: times,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
