/**
 * `npm run bench`: REST latency and engine memory with many running instances (the aim:
 * modification p50 within 3x of GET /version), batch throughput, one very large modification,
 * then the console in Chromium: the instance diagram, the batch dashboard and scrolling the
 * instance table. It prints figures and asserts none.
 *
 * Env: `BENCH_INSTANCES` (default 10000) running instances, `BENCH_SAMPLES` (default 2000) timed
 * requests per endpoint; `BENCH_SKIP`, a comma-separated list of parts to leave out: `rest` (the
 * latency, memory and batch throughput figures), `large-modification` (one request with thousands
 * of start instructions, see large-modification.ts), `process-instance-paging` (pages of the
 * runtime instance list, see process-instance-paging.ts), `console-diagram`, `console-batches`,
 * `console-scroll` (the heaviest: 100,000 instances, see console-instance-scroll.ts for its own
 * variables). Run with `--expose-gc` (as the npm script does) for exact heap figures.
 */
import { readFileSync } from 'node:fs';
import { ProcessEngine } from '../engine/process-engine';
import type { ProcessInstanceModificationDto } from '../contract/camunda/modification';
import type {
  ActivityInstanceDto,
  ProcessInstanceWithVariablesDto,
  StartProcessInstanceDto,
} from '../contract/camunda/process-instance';
import { measureBatchThroughput, printBatchThroughput } from './batch-throughput';
import { benchConsoleBatches } from './console-batches';
import { benchConsoleDiagram } from './console-diagram';
import { benchConsoleInstanceScroll } from './console-instance-scroll';
import { benchLargeModification } from './large-modification';
import { benchProcessInstancePaging } from './process-instance-paging';
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import type { LatencySummary } from './lib/latency';
import { measureMs, summarize } from './lib/latency';
import type { MemoryReading } from './lib/memory';
import { canCollectGarbage, readMemory, toMb } from './lib/memory';
import { runPool } from './lib/pool';
import type { RestClient } from './lib/rest-client';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const INSTANCE_COUNT = envPositiveInt('BENCH_INSTANCES', 10_000);
const SAMPLE_COUNT = envPositiveInt('BENCH_SAMPLES', 2_000);
const WARMUP_COUNT = 200;
const START_CONCURRENCY = 16;
const DEMO_CREDENTIALS = { user: 'demo', password: 'demo' };

const FIXTURE_FILE = 'order.bpmn';
const PROCESS_KEY = 'benchOrder';
/** The user task beside the subprocess: moving its token onto itself keeps the instance running. */
const MOVED_ACTIVITY_ID = 'checkPayment';

interface RoundTimesMs {
  version: number;
  activityInstances: number;
  modification: number;
}

interface MemoryReadings {
  beforeDeploy: MemoryReading;
  afterStart: MemoryReading;
  afterRequests: MemoryReading;
}

const numberFormat = new Intl.NumberFormat('en-US');
const ms = (value: number) => value.toFixed(3);

async function deployFixture(client: RestClient): Promise<void> {
  const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
  await client.deploy(FIXTURE_FILE, xml);
}

function startBody(index: number): StartProcessInstanceDto {
  const orderId = `order-${String(index + 1).padStart(6, '0')}`;
  return {
    businessKey: orderId,
    variables: {
      orderId: { value: orderId, type: 'String' },
      amount: { value: 19.99 + (index % 500), type: 'Double' },
      express: { value: index % 7 === 0, type: 'Boolean' },
    },
  };
}

/** Starts the instances with a few requests in flight; returns their ids and the elapsed time. */
async function startInstances(client: RestClient): Promise<{ ids: string[]; elapsedMs: number }> {
  const ids = new Array<string>(INSTANCE_COUNT);
  const elapsedMs = await measureMs(() =>
    runPool(INSTANCE_COUNT, START_CONCURRENCY, async (index) => {
      const instance = await client.postJson<ProcessInstanceWithVariablesDto>(
        `/process-definition/key/${PROCESS_KEY}/start`,
        startBody(index),
      );
      ids[index] = instance.id;
    }),
  );
  return { ids, elapsedMs };
}

function pickRandom(ids: readonly string[]): string {
  const id = ids[Math.floor(Math.random() * ids.length)];
  if (id === undefined) {
    throw new Error('no instances to pick from');
  }
  return id;
}

function findActivityInstanceId(tree: ActivityInstanceDto, activityId: string): string {
  const pending = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.activityId === activityId) {
      return node.id;
    }
    pending.push(...node.childActivityInstances);
  }
  throw new Error(`instance ${tree.processInstanceId} has no activity instance of ${activityId}`);
}

/** Restarts the token at `MOVED_ACTIVITY_ID`: valid again on the next round, as the tree is re-read. */
function movePlan(tree: ActivityInstanceDto): ProcessInstanceModificationDto {
  return {
    instructions: [
      { type: 'startBeforeActivity', activityId: MOVED_ACTIVITY_ID },
      { type: 'cancel', activityInstanceId: findActivityInstanceId(tree, MOVED_ACTIVITY_ID) },
    ],
    skipCustomListeners: false,
    skipIoMappings: false,
    annotation: 'bench: restart payment check',
  };
}

/**
 * One request to each endpoint, one after the other, against a random instance. The tree read
 * (and timed) here supplies the activity instance id the modification cancels.
 */
async function measureRound(client: RestClient, ids: readonly string[]): Promise<RoundTimesMs> {
  const id = pickRandom(ids);
  const version = await measureMs(() => client.send('GET', '/version'));
  let treeJson = '';
  const activityInstances = await measureMs(async () => {
    treeJson = await client.send('GET', `/process-instance/${id}/activity-instances`);
  });
  const plan = movePlan(JSON.parse(treeJson) as ActivityInstanceDto);
  const modification = await measureMs(() =>
    client.send('POST', `/process-instance/${id}/modification`, plan),
  );
  return { version, activityInstances, modification };
}

async function measureLatencies(
  client: RestClient,
  ids: readonly string[],
): Promise<Record<keyof RoundTimesMs, LatencySummary>> {
  for (let round = 0; round < WARMUP_COUNT; round++) {
    await measureRound(client, ids);
  }
  const samples: Record<keyof RoundTimesMs, number[]> = {
    version: [],
    activityInstances: [],
    modification: [],
  };
  for (let round = 0; round < SAMPLE_COUNT; round++) {
    const times = await measureRound(client, ids);
    samples.version.push(times.version);
    samples.activityInstances.push(times.activityInstances);
    samples.modification.push(times.modification);
  }
  return {
    version: summarize(samples.version),
    activityInstances: summarize(samples.activityInstances),
    modification: summarize(samples.modification),
  };
}

function printLatencies(latencies: Record<keyof RoundTimesMs, LatencySummary>): void {
  const baseline = latencies.version.p50Ms;
  const row = (endpoint: string, summary: LatencySummary) => [
    endpoint,
    ms(summary.p50Ms),
    ms(summary.p99Ms),
    `${(summary.p50Ms / baseline).toFixed(2)}x`,
  ];
  console.log(
    `\nLatency: ${numberFormat.format(SAMPLE_COUNT)} sequential requests per endpoint, interleaved,` +
      ` after ${WARMUP_COUNT} warm-up rounds`,
  );
  console.log(
    formatTable(
      ['endpoint', 'p50 ms', 'p99 ms', 'p50 / version p50'],
      [
        row('GET  /version', latencies.version),
        row('GET  /process-instance/{id}/activity-instances', latencies.activityInstances),
        row('POST /process-instance/{id}/modification', latencies.modification),
      ],
    ),
  );
}

function printMemory(readings: MemoryReadings): void {
  const row = (stage: string, reading: MemoryReading) => [
    stage,
    toMb(reading.heapUsedBytes),
    toMb(reading.rssBytes),
  ];
  const gcNote = canCollectGarbage() ? 'after global.gc()' : 'WITHOUT a forced GC: use --expose-gc';
  console.log(`\nMemory (process.memoryUsage() ${gcNote})`);
  console.log(
    formatTable(
      ['stage', 'heapUsed MB', 'rss MB'],
      [
        row('before deploying', readings.beforeDeploy),
        row(`${numberFormat.format(INSTANCE_COUNT)} instances running`, readings.afterStart),
        row('after the timed requests', readings.afterRequests),
      ],
    ),
  );
  const engineBytes = readings.afterStart.heapUsedBytes - readings.beforeDeploy.heapUsedBytes;
  const perInstance = numberFormat.format(Math.round(engineBytes / INSTANCE_COUNT));
  console.log(
    `Engine share of the heap with ${numberFormat.format(INSTANCE_COUNT)} instances:` +
      ` ${toMb(engineBytes)} MB, ${perInstance} bytes per instance`,
  );
}

async function benchRest(): Promise<void> {
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine);
  try {
    const client = createRestClient(server.restUrl, DEMO_CREDENTIALS);
    // One request first, so the HTTP stack's own allocations are not counted as the engine's.
    await client.send('GET', '/version');
    const beforeDeploy = readMemory();

    await deployFixture(client);
    const { ids, elapsedMs } = await startInstances(client);
    console.log(
      `Started ${numberFormat.format(INSTANCE_COUNT)} instances of ${PROCESS_KEY} in` +
        ` ${(elapsedMs / 1000).toFixed(2)} s (${START_CONCURRENCY} in flight,` +
        ` ${numberFormat.format(Math.round(INSTANCE_COUNT / (elapsedMs / 1000)))} starts/s)`,
    );
    const afterStart = readMemory();

    printLatencies(await measureLatencies(client, ids));
    printMemory({ beforeDeploy, afterStart, afterRequests: readMemory() });
    printBatchThroughput(await measureBatchThroughput(client, engine, INSTANCE_COUNT));
  } finally {
    await server.close();
  }
}

const PARTS = {
  rest: benchRest,
  'large-modification': benchLargeModification,
  'process-instance-paging': benchProcessInstancePaging,
  'console-diagram': benchConsoleDiagram,
  'console-batches': benchConsoleBatches,
  'console-scroll': benchConsoleInstanceScroll,
};

function skippedParts(): Set<string> {
  const skipped = new Set(
    (process.env.BENCH_SKIP ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
  const unknown = [...skipped].filter((part) => !(part in PARTS));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SKIP names no such part: ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`,
    );
  }
  return skipped;
}

const skipped = skippedParts();
for (const [part, bench] of Object.entries(PARTS)) {
  if (!skipped.has(part)) {
    await bench();
  }
}
