/**
 * The console in a real Chromium: time from navigation to an interactive diagram with overlays
 * for a 300-element process with 1,000 activity instances, beside bare bpmn-js importing and
 * rendering the same XML in the same browser run (aim: within 1.3x); and the gzip size of the
 * JavaScript the first screen loads (aim: under 250 kB).
 *
 * The figures do not measure the same work: the console's first starts at navigation in a fresh
 * tab, so it includes loading all of its JavaScript and the REST requests for the instance, the
 * XML and the tree; its second starts at a click inside the console, with the shell loaded but
 * not the instance page, bpmn-js or the data; the bare figure starts with bpmn-js already loaded
 * and the XML in hand. All end once the imported diagram is fitted, at the next animation frame,
 * the console's only when a token badge is in its overlay.
 */
import { readFileSync } from 'node:fs';
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
import { summarize } from './lib/latency';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';
import { generateLargeProcess } from './lib/large-process';

const RUNS = 7;
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
 * Inside the console: from the instance list, a click on the instance's link until a token badge
 * is on its diagram. The shell is loaded already; the instance page's chunk, bpmn-js and the
 * instance's data are not, and the click comes without a hover before it that could preload them.
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
  const clicked: number = await page.evaluate('performance.now()');
  await link.click();
  const elapsed = (await msSinceNavigationWhen(page, TOKEN_BADGE)) - clicked;
  await page.context().close();
  return elapsed;
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

export async function benchConsoleDiagram(): Promise<void> {
  if (!hasChromium()) {
    return;
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
    const consoleTimes: number[] = [];
    const inAppTimes: number[] = [];
    const bareTimes: number[] = [];
    await timeConsole(browser, server.baseUrl, id);
    await timeBareViewer(browser, large.xml);
    for (let run = 0; run < RUNS; run++) {
      consoleTimes.push(await timeConsole(browser, server.baseUrl, id));
      inAppTimes.push(await timeInAppNavigation(browser, server.baseUrl, definitionId, id));
      bareTimes.push(await timeBareViewer(browser, large.xml));
    }
    const consoleP50 = summarize(consoleTimes).p50Ms;
    const inAppP50 = summarize(inAppTimes).p50Ms;
    const bareP50 = summarize(bareTimes).p50Ms;
    console.log(
      `\nDiagram of ${String(large.elements)} elements with ${String(large.activityInstances)} activity instances, median of ${String(RUNS)} runs`,
    );
    console.log(
      formatTable(
        ['what', 'ms', 'vs bare bpmn-js'],
        [
          [
            'console: navigation in a fresh tab → diagram with token overlays',
            consoleP50.toFixed(0),
            `${(consoleP50 / bareP50).toFixed(2)}x`,
          ],
          [
            'console: click in the instance list → the same',
            inAppP50.toFixed(0),
            `${(inAppP50 / bareP50).toFixed(2)}x`,
          ],
          ['bare bpmn-js: import + render the same XML', bareP50.toFixed(0), '1.00x'],
        ],
      ),
    );
    const js = await firstScreenJs(browser, server.baseUrl);
    console.log(
      `First screen (process definitions): ${String(js.files)} JavaScript files, ${(js.gzipBytes / 1024).toFixed(1)} kB gzip`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
