/**
 * The batch dashboard in a real Chromium with 100 running batches: how long until all 100 rows
 * are rendered, when the page is opened in a fresh tab and when the operator navigates to it
 * from another page of the console (median of several runs each).
 *
 * The batches are modification batches (`POST /modification/executeAsync`) on instances started
 * in the engine directly. The bench's server runs no job executor, so every batch stays running
 * at 0 % and the dashboard keeps them all in its running table; every fourth one is suspended,
 * so the table shows both states and their buttons.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { ProcessEngine } from '../engine/process-engine';
import type { BatchDto } from '../contract/camunda/batch';
import {
  buildConsole,
  hasChromium,
  launchChromium,
  msSinceNavigationWhen,
  signedInPage,
} from './lib/console-browser';
import { startEmbeddedServer } from './lib/embedded-server';
import type { BenchFigures } from './lib/figures';
import { formatSpread, median, spreadOf } from './lib/latency';
import type { RestClient } from './lib/rest-client';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const BATCH_COUNT = 100;
const INSTANCES_PER_BATCH = 10;
const SUSPEND_EVERY = 4;
const RUNS = 7;
const FIXTURE_FILE = 'two-tasks.bpmn';
const PROCESS_KEY = 'benchTwoTasks';
const RUNNING_ROW = 'table[aria-label="Running batches"] tbody tr';

async function createBatches(client: RestClient, engine: ProcessEngine): Promise<void> {
  await client.deploy(
    FIXTURE_FILE,
    readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8'),
  );
  const definition = engine.latestDefinition(PROCESS_KEY);
  if (!definition) {
    throw new Error(`${PROCESS_KEY} was not deployed`);
  }
  for (let index = 0; index < BATCH_COUNT; index++) {
    const processInstanceIds = Array.from(
      { length: INSTANCES_PER_BATCH },
      () => engine.startProcessInstance(definition.id, {}).id,
    );
    const batch = await client.postJson<BatchDto>('/modification/executeAsync', {
      processDefinitionId: definition.id,
      processInstanceIds,
      instructions: [
        { type: 'startBeforeActivity', activityId: 'second' },
        { type: 'cancel', activityId: 'first' },
      ],
      annotation: `bench: batch ${String(index + 1)}`,
    });
    if (index % SUSPEND_EVERY === 0) {
      await client.send('PUT', `/batch/${batch.id}/suspended`, { suspended: true });
    }
  }
}

/** A fresh tab opening `/batches`: navigation start → 100 rows in the running table. */
async function timePageLoad(browser: Browser, baseUrl: string): Promise<number> {
  const page = await signedInPage(browser, baseUrl);
  await page.goto('/batches', { waitUntil: 'commit' });
  const elapsed = await msSinceNavigationWhen(page, RUNNING_ROW, BATCH_COUNT);
  await page.context().close();
  return elapsed;
}

/**
 * From the process definitions, a click on "Batches" in the header: click → 100 rows. The page's
 * chunk is already loaded (a first visit in the tab), so this is mostly fetching and rendering.
 */
async function timeInAppNavigation(browser: Browser, baseUrl: string): Promise<number> {
  const page = await signedInPage(browser, baseUrl);
  await page.goto('/batches', { waitUntil: 'commit' });
  await msSinceNavigationWhen(page, RUNNING_ROW, BATCH_COUNT);
  await page.getByRole('link', { name: 'Process definitions' }).click();
  await page.waitForSelector('table');
  const clicked = await page.evaluate(() => {
    const link = Array.from(document.querySelectorAll('a')).find(
      (a) => a.textContent === 'Batches',
    );
    const at = performance.now();
    link?.click();
    return at;
  });
  const elapsed = (await msSinceNavigationWhen(page, RUNNING_ROW, BATCH_COUNT)) - clicked;
  await page.context().close();
  return elapsed;
}

const medianAndSpread = (samples: number[]) => [
  median(samples).toFixed(0),
  formatSpread(spreadOf(samples), 0),
];

export async function benchConsoleBatches(): Promise<BenchFigures> {
  if (!hasChromium()) {
    return {};
  }
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine, { consoleDir: buildConsole() });
  const browser = await launchChromium();
  try {
    const client = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    await createBatches(client, engine);
    const loads: number[] = [];
    const navigations: number[] = [];
    await timePageLoad(browser, server.baseUrl);
    for (let run = 0; run < RUNS; run++) {
      loads.push(await timePageLoad(browser, server.baseUrl));
      navigations.push(await timeInAppNavigation(browser, server.baseUrl));
    }
    console.log(
      `\nBatch dashboard with ${String(BATCH_COUNT)} running batches (every ${String(SUSPEND_EVERY)}th suspended), median of ${String(RUNS)} runs`,
    );
    console.log(
      formatTable(
        ['what', 'ms', 'min–max'],
        [
          ['fresh tab: navigation → 100 rows', ...medianAndSpread(loads)],
          ['in the console: click "Batches" → 100 rows', ...medianAndSpread(navigations)],
        ],
      ),
    );
    return {};
  } finally {
    await browser.close();
    await server.close();
  }
}
