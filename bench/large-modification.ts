/**
 * One synchronous `POST /process-instance/{id}/modification` with thousands of start instructions
 * inside a sub-process, at two sizes: the time per instruction should stay flat (the start path
 * is linear). `GET /version` is polled over another connection meanwhile; its slowest answer is
 * how long one such request keeps everyone else waiting: the modification works in turns
 * (engine/runtime/turns.ts), so what remains is mostly reading and checking the request body.
 *
 * Env: `BENCH_LARGE_MODIFICATION` (default 16000), the larger of the two sizes; the smaller is a
 * quarter of it.
 */
import { readFileSync } from 'node:fs';
import { ProcessEngine } from '../engine/process-engine';
import type { ProcessInstanceModificationDto } from '../contract/camunda/modification';
import type { ProcessInstanceWithVariablesDto } from '../contract/camunda/process-instance';
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import { measureMs } from './lib/latency';
import type { RestClient } from './lib/rest-client';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const LARGEST = envPositiveInt('BENCH_LARGE_MODIFICATION', 16_000);
const FIXTURE_FILE = 'order.bpmn';
const PROCESS_KEY = 'benchOrder';
/** The user task inside the `packing` sub-process: every token joins the one sub-process instance. */
const INNER_ACTIVITY_ID = 'packItems';
const VERSION_POLL_GAP_MS = 5;

const numberFormat = new Intl.NumberFormat('en-US');

interface LargeModificationFigures {
  instructions: number;
  bodyBytes: number;
  modificationMs: number;
  versionPolls: number;
  slowestVersionMs: number;
}

async function measureOne(client: RestClient, instructions: number) {
  const instance = await client.postJson<ProcessInstanceWithVariablesDto>(
    `/process-definition/key/${PROCESS_KEY}/start`,
    {},
  );
  const plan: ProcessInstanceModificationDto = {
    instructions: Array.from({ length: instructions }, () => ({
      type: 'startBeforeActivity' as const,
      activityId: INNER_ACTIVITY_ID,
    })),
  };
  const done = new AbortController();
  const versionTimes: number[] = [];
  const poll = (async () => {
    while (!done.signal.aborted) {
      versionTimes.push(await measureMs(() => client.send('GET', '/version')));
      await new Promise((resolve) => setTimeout(resolve, VERSION_POLL_GAP_MS));
    }
  })();
  const modificationMs = await measureMs(() =>
    client.send('POST', `/process-instance/${instance.id}/modification`, plan),
  );
  done.abort();
  await poll;
  return {
    instructions,
    bodyBytes: JSON.stringify(plan).length,
    modificationMs,
    versionPolls: versionTimes.length,
    slowestVersionMs: Math.max(...versionTimes),
  } satisfies LargeModificationFigures;
}

export async function benchLargeModification(): Promise<void> {
  const server = await startEmbeddedServer(new ProcessEngine());
  try {
    const client = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
    await client.deploy(FIXTURE_FILE, xml);
    // A small run first, so the larger ones do not pay for compiling the start path.
    await measureOne(client, 100);
    const figures = [
      await measureOne(client, Math.max(1, Math.floor(LARGEST / 4))),
      await measureOne(client, LARGEST),
    ];
    console.log(
      `\nLarge modification: start instructions inside a sub-process, one synchronous request,` +
        ` GET /version polled meanwhile`,
    );
    console.log(
      formatTable(
        [
          'instructions',
          'body KB',
          'request ms',
          'µs / instruction',
          '/version polls',
          'slowest /version ms',
        ],
        figures.map((figure) => [
          numberFormat.format(figure.instructions),
          numberFormat.format(Math.round(figure.bodyBytes / 1024)),
          figure.modificationMs.toFixed(0),
          ((figure.modificationMs * 1000) / figure.instructions).toFixed(1),
          String(figure.versionPolls),
          figure.slowestVersionMs.toFixed(0),
        ]),
      ),
    );
  } finally {
    await server.close();
  }
}
