/**
 * REST latency and engine memory with many running instances of bench/fixtures/order.bpmn,
 * started over REST: `GET /version` beside the modification of one instance, its activity
 * instance tree, a page from the middle of the sorted instance list and the instance count (aim:
 * each at most 3x `GET /version`, p50 against p50). Then batch throughput over as many instances.
 *
 * Env: `BENCH_INSTANCES` (default 10000) running instances, `BENCH_SAMPLES` (default 2000) timed
 * rounds, one request to each endpoint a round.
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
import { startEmbeddedServer } from './lib/embedded-server';
import { envPositiveInt } from './lib/env';
import type { BenchFigures } from './lib/figures';
import type { LatencySummary } from './lib/latency';
import { blockRatioSpread, formatSpread, measureMs, summarize } from './lib/latency';
import type { MemoryReading } from './lib/memory';
import { canCollectGarbage, readMemory, toMb } from './lib/memory';
import { runPool } from './lib/pool';
import type { RestClient } from './lib/rest-client';
import { createRestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const INSTANCE_COUNT = envPositiveInt('BENCH_INSTANCES', 10_000);
const SAMPLE_COUNT = envPositiveInt('BENCH_SAMPLES', 2_000);
const WARMUP_COUNT = 200;
/** Blocks of consecutive rounds whose ratios of medians give each ratio's spread. */
const RATIO_BLOCKS = 10;
const START_CONCURRENCY = 16;
const PAGE_SIZE = 50;
const DEMO_CREDENTIALS = { user: 'demo', password: 'demo' };

const FIXTURE_FILE = 'order.bpmn';
const PROCESS_KEY = 'benchOrder';
/** The user task beside the subprocess: moving its token onto itself keeps the instance running. */
const MOVED_ACTIVITY_ID = 'checkPayment';

const ENDPOINTS = {
  version: 'GET  /version',
  activityInstances: 'GET  /process-instance/{id}/activity-instances',
  modification: 'POST /process-instance/{id}/modification',
  listPage: `POST /process-instance?firstResult=${String(Math.floor(INSTANCE_COUNT / 2))}&maxResults=${String(PAGE_SIZE)} (sorted)`,
  count: 'POST /process-instance/count',
} as const;

type Endpoint = keyof typeof ENDPOINTS;
type RoundTimesMs = Record<Endpoint, number>;

interface MemoryReadings {
  beforeDeploy: MemoryReading;
  afterStart: MemoryReading;
  afterRequests: MemoryReading;
}

const numberFormat = new Intl.NumberFormat('en-US');

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
 * (and timed) here supplies the activity instance id the modification cancels. The list query is
 * the console's: one definition's instances sorted by id, a page from the middle.
 */
async function measureRound(
  client: RestClient,
  ids: readonly string[],
  definitionId: string,
): Promise<RoundTimesMs> {
  const id = pickRandom(ids);
  const query = {
    processDefinitionId: definitionId,
    sorting: [{ sortBy: 'instanceId', sortOrder: 'asc' }],
  };
  const version = await measureMs(() => client.send('GET', '/version'));
  let treeJson = '';
  const activityInstances = await measureMs(async () => {
    treeJson = await client.send('GET', `/process-instance/${id}/activity-instances`);
  });
  const plan = movePlan(JSON.parse(treeJson) as ActivityInstanceDto);
  const modification = await measureMs(() =>
    client.send('POST', `/process-instance/${id}/modification`, plan),
  );
  const listPage = await measureMs(() =>
    client.send(
      'POST',
      `/process-instance?firstResult=${String(Math.floor(ids.length / 2))}&maxResults=${String(PAGE_SIZE)}`,
      query,
    ),
  );
  const count = await measureMs(() => client.send('POST', '/process-instance/count', query));
  return { version, activityInstances, modification, listPage, count };
}

async function measureLatencies(
  client: RestClient,
  ids: readonly string[],
  definitionId: string,
): Promise<Record<Endpoint, number[]>> {
  for (let round = 0; round < WARMUP_COUNT; round++) {
    await measureRound(client, ids, definitionId);
  }
  const samples: Record<Endpoint, number[]> = {
    version: [],
    activityInstances: [],
    modification: [],
    listPage: [],
    count: [],
  };
  for (let round = 0; round < SAMPLE_COUNT; round++) {
    const times = await measureRound(client, ids, definitionId);
    for (const endpoint of Object.keys(samples) as Endpoint[]) {
      samples[endpoint].push(times[endpoint]);
    }
  }
  return samples;
}

function printLatencies(samples: Record<Endpoint, number[]>): void {
  const summaries = Object.fromEntries(
    Object.entries(samples).map(([endpoint, values]) => [endpoint, summarize(values)]),
  ) as Record<Endpoint, LatencySummary>;
  const baseline = summaries.version.p50Ms;
  const rows = (Object.keys(ENDPOINTS) as Endpoint[]).map((endpoint) => {
    const summary = summaries[endpoint];
    return [
      ENDPOINTS[endpoint],
      summary.p50Ms.toFixed(3),
      formatSpread({ min: summary.minMs, max: summary.maxMs }, 3),
      summary.p99Ms.toFixed(3),
      `${(summary.p50Ms / baseline).toFixed(2)}x`,
      formatSpread(blockRatioSpread(samples[endpoint], samples.version, RATIO_BLOCKS), 2),
    ];
  });
  console.log(
    `\nLatency with ${numberFormat.format(INSTANCE_COUNT)} running instances:` +
      ` ${numberFormat.format(SAMPLE_COUNT)} sequential requests per endpoint, interleaved,` +
      ` after ${String(WARMUP_COUNT)} warm-up rounds`,
  );
  console.log(
    formatTable(
      [
        'endpoint',
        'p50 ms',
        'min–max ms',
        'p99 ms',
        'p50 / version p50',
        `min–max over ${String(RATIO_BLOCKS)} blocks`,
      ],
      rows,
    ),
  );
}

function heapBytesPerInstance(readings: MemoryReadings): number {
  return (readings.afterStart.heapUsedBytes - readings.beforeDeploy.heapUsedBytes) / INSTANCE_COUNT;
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
  console.log(
    `Engine share of the heap with ${numberFormat.format(INSTANCE_COUNT)} instances:` +
      ` ${toMb(engineBytes)} MB, ${numberFormat.format(Math.round(heapBytesPerInstance(readings)))} bytes per instance`,
  );
}

export async function benchRest(): Promise<BenchFigures> {
  const engine = new ProcessEngine();
  const server = await startEmbeddedServer(engine);
  try {
    const client = createRestClient(server.restUrl, DEMO_CREDENTIALS);
    // One request first, so the HTTP stack's own allocations are not counted as the engine's.
    await client.send('GET', '/version');
    const beforeDeploy = readMemory();

    const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
    const deployment = await client.deploy(FIXTURE_FILE, xml);
    const definitionId = Object.keys(deployment.deployedProcessDefinitions ?? {})[0] ?? '';
    const { ids, elapsedMs } = await startInstances(client);
    console.log(
      `Started ${numberFormat.format(INSTANCE_COUNT)} instances of ${PROCESS_KEY} in` +
        ` ${(elapsedMs / 1000).toFixed(2)} s (${String(START_CONCURRENCY)} in flight,` +
        ` ${numberFormat.format(Math.round(INSTANCE_COUNT / (elapsedMs / 1000)))} starts/s)`,
    );
    const afterStart = readMemory();

    const samples = await measureLatencies(client, ids, definitionId);
    printLatencies(samples);
    const readings = { beforeDeploy, afterStart, afterRequests: readMemory() };
    printMemory(readings);
    const batch = await measureBatchThroughput(client, engine, INSTANCE_COUNT);
    printBatchThroughput(batch);

    const versionP50 = summarize(samples.version).p50Ms;
    const ratio = (endpoint: Endpoint) => summarize(samples[endpoint]).p50Ms / versionP50;
    const ratioSpread = (endpoint: Endpoint) =>
      blockRatioSpread(samples[endpoint], samples.version, RATIO_BLOCKS);
    return {
      rest: {
        instances: INSTANCE_COUNT,
        modificationVsVersion: ratio('modification'),
        listPageVsVersion: ratio('listPage'),
        countVsVersion: ratio('count'),
        heapBytesPerInstance: Math.round(heapBytesPerInstance(readings)),
        versionP50Ms: versionP50,
        spread: {
          modificationVsVersion: ratioSpread('modification'),
          listPageVsVersion: ratioSpread('listPage'),
          countVsVersion: ratioSpread('count'),
        },
      },
      batch: {
        instances: batch.instances,
        asyncVsSync: batch.asyncVsSync,
        spread: { asyncVsSync: batch.asyncVsSyncSpread },
      },
    };
  } finally {
    await server.close();
  }
}
