/**
 * One synchronous `POST /process-instance/{id}/modification` with thousands of start instructions,
 * at two sizes, in two variants: inside the sub-process (every token joins its one instance) and
 * before the sub-process (every instruction starts a sub-process instance, whose start event is
 * entered and removed again; this was quadratic). The time per instruction should stay flat (the
 * start path is linear). `GET /version` is polled over another connection meanwhile; its slowest
 * answer is how long one such request keeps everyone else waiting: the modification works in
 * turns (engine/runtime/turns.ts), so what remains is mostly reading and checking the request body.
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
/** Where the start instructions start, by variant. */
const VARIANTS = [
  /** The user task inside the `packing` sub-process. */
  { name: 'inside the sub-process', activityId: 'packItems' },
  { name: 'before the sub-process', activityId: 'packing' },
] as const;
const VERSION_POLL_GAP_MS = 5;

const numberFormat = new Intl.NumberFormat('en-US');

export interface LargeModificationFigures {
  variant: string;
  instructions: number;
  bodyBytes: number;
  modificationMs: number;
  /** CPU time of this process (server and client) meanwhile: less sensitive to a busy machine. */
  cpuMs: number;
  versionPolls: number;
  slowestVersionMs: number;
}

async function measureOne(
  client: RestClient,
  variant: (typeof VARIANTS)[number],
  instructions: number,
) {
  const instance = await client.postJson<ProcessInstanceWithVariablesDto>(
    `/process-definition/key/${PROCESS_KEY}/start`,
    {},
  );
  const plan: ProcessInstanceModificationDto = {
    instructions: Array.from({ length: instructions }, () => ({
      type: 'startBeforeActivity' as const,
      activityId: variant.activityId,
    })),
  };
  // The garbage of earlier runs is collected now rather than during this one (with --expose-gc).
  globalThis.gc?.();
  const done = new AbortController();
  const versionTimes: number[] = [];
  const poll = (async () => {
    while (!done.signal.aborted) {
      versionTimes.push(await measureMs(() => client.send('GET', '/version')));
      await new Promise((resolve) => setTimeout(resolve, VERSION_POLL_GAP_MS));
    }
  })();
  const cpuBefore = process.cpuUsage();
  const modificationMs = await measureMs(() =>
    client.send('POST', `/process-instance/${instance.id}/modification`, plan),
  );
  const cpu = process.cpuUsage(cpuBefore);
  done.abort();
  await poll;
  return {
    variant: variant.name,
    instructions,
    bodyBytes: JSON.stringify(plan).length,
    modificationMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    versionPolls: versionTimes.length,
    slowestVersionMs: Math.max(...versionTimes),
  } satisfies LargeModificationFigures;
}

/** The figures of every variant at both sizes, smaller size first. */
export async function measureLargeModification(): Promise<LargeModificationFigures[]> {
  const server = await startEmbeddedServer(new ProcessEngine());
  try {
    const client = createRestClient(server.restUrl, { user: 'demo', password: 'demo' });
    const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
    await client.deploy(FIXTURE_FILE, xml);
    const figures: LargeModificationFigures[] = [];
    for (const variant of VARIANTS) {
      // A smaller run first, so the measured ones do not pay for compiling the start path.
      await measureOne(client, variant, Math.max(1, Math.floor(LARGEST / 16)));
      figures.push(await measureOne(client, variant, Math.max(1, Math.floor(LARGEST / 4))));
      figures.push(await measureOne(client, variant, LARGEST));
    }
    return figures;
  } finally {
    await server.close();
  }
}

/** The slowest variant at the larger size: what the aim (16,000 in 2 s) is about. */
export function slowestLargeModification(figures: LargeModificationFigures[]): {
  variant: string;
  count: number;
  seconds: number;
} {
  const largest = figures.filter((figure) => figure.instructions === LARGEST);
  const slowest = largest.reduce((a, b) => (b.modificationMs > a.modificationMs ? b : a));
  return {
    variant: slowest.variant,
    count: slowest.instructions,
    seconds: slowest.modificationMs / 1000,
  };
}

export function printLargeModification(figures: LargeModificationFigures[]): void {
  console.log(
    `\nLarge modification: start instructions inside and before a sub-process, one synchronous` +
      ` request, GET /version polled meanwhile`,
  );
  console.log(
    formatTable(
      [
        'variant',
        'instructions',
        'body KB',
        'request ms',
        'µs / instruction',
        'CPU ms',
        '/version polls',
        'slowest /version ms',
      ],
      figures.map((figure) => [
        figure.variant,
        numberFormat.format(figure.instructions),
        numberFormat.format(Math.round(figure.bodyBytes / 1024)),
        figure.modificationMs.toFixed(0),
        ((figure.modificationMs * 1000) / figure.instructions).toFixed(1),
        figure.cpuMs.toFixed(0),
        String(figure.versionPolls),
        figure.slowestVersionMs.toFixed(0),
      ]),
    ),
  );
  const slowest = slowestLargeModification(figures);
  console.log(
    `Slowest at ${numberFormat.format(slowest.count)} instructions: ${slowest.variant},` +
      ` ${slowest.seconds.toFixed(2)} s (aim: 2 s)`,
  );
}

export async function benchLargeModification(): Promise<LargeModificationFigures[]> {
  const figures = await measureLargeModification();
  printLargeModification(figures);
  return figures;
}
