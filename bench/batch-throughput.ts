/**
 * Throughput of a modification batch run by the job executor, beside the synchronous
 * `POST /modification/execute` on the same instances in the same run (aim: the batch reaches at
 * least half the synchronous throughput). Also checks that the batch statistics only ever move
 * forwards while it runs.
 */
import { readFileSync } from 'node:fs';
import type { EngineApi } from '../engine/engine-api';
import { JobExecutor } from '../server/job-executor';
import type { BatchDto, BatchStatisticsDto } from '../contract/camunda/batch';
import { measureMs } from './lib/latency';
import type { RestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const FIXTURE_FILE = 'two-tasks.bpmn';
const PROCESS_KEY = 'benchTwoTasks';
const STATISTICS_POLL_MS = 200;

const numberFormat = new Intl.NumberFormat('en-US');

interface ThroughputFigures {
  instances: number;
  syncMs: number;
  batchMs: number;
  batchDeletedMs: number;
  polls: number;
  monotonic: boolean;
}

/** Starts the instances in the engine directly: their creation is not what is measured here. */
async function startInstances(
  client: RestClient,
  engine: EngineApi,
  count: number,
): Promise<string[]> {
  const xml = readFileSync(new URL(`./fixtures/${FIXTURE_FILE}`, import.meta.url), 'utf8');
  await client.deploy(FIXTURE_FILE, xml);
  const definition = engine.latestDefinition(PROCESS_KEY);
  if (!definition) {
    throw new Error(`${PROCESS_KEY} was not deployed`);
  }
  return Array.from({ length: count }, () => engine.startProcessInstance(definition.id, {}).id);
}

function moveBody(definitionId: string, ids: string[], from: string, to: string) {
  return {
    processDefinitionId: definitionId,
    processInstanceIds: ids,
    instructions: [
      { type: 'startBeforeActivity', activityId: to },
      { type: 'cancel', activityId: from },
    ],
    annotation: `bench: move from ${from} to ${to}`,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the batch statistics until every execution job has completed. */
async function followBatch(
  client: RestClient,
  batch: BatchDto,
): Promise<{ completedMs: number; deletedMs: number; polls: number; monotonic: boolean }> {
  const started = performance.now();
  let completedMs = 0;
  let lastCompleted = -1;
  let monotonic = true;
  let polls = 0;
  for (;;) {
    const [statistics] = await client.getJson<BatchStatisticsDto[]>(
      `/batch/statistics?batchId=${batch.id}`,
    );
    polls++;
    if (!statistics) {
      return {
        completedMs: completedMs || performance.now() - started,
        deletedMs: performance.now() - started,
        polls,
        monotonic,
      };
    }
    if (statistics.completedJobs < lastCompleted) {
      monotonic = false;
    }
    lastCompleted = statistics.completedJobs;
    if (completedMs === 0 && statistics.completedJobs === statistics.totalJobs) {
      completedMs = performance.now() - started;
    }
    await sleep(STATISTICS_POLL_MS);
  }
}

export async function measureBatchThroughput(
  client: RestClient,
  engine: EngineApi,
  count: number,
): Promise<ThroughputFigures> {
  const ids = await startInstances(client, engine, count);
  const definitionId = engine.latestDefinition(PROCESS_KEY)?.id ?? '';
  const syncMs = await measureMs(() =>
    client.send('POST', '/modification/execute', moveBody(definitionId, ids, 'first', 'second')),
  );
  const executor = new JobExecutor(engine, { intervalMs: 10 });
  executor.start();
  try {
    const batch = await client.postJson<BatchDto>(
      '/modification/executeAsync',
      moveBody(definitionId, ids, 'second', 'first'),
    );
    const followed = await followBatch(client, batch);
    return {
      instances: count,
      syncMs,
      batchMs: followed.completedMs,
      batchDeletedMs: followed.deletedMs,
      polls: followed.polls,
      monotonic: followed.monotonic,
    };
  } finally {
    await executor.stop();
  }
}

export function printBatchThroughput(figures: ThroughputFigures): void {
  const perSecond = (ms: number) =>
    numberFormat.format(Math.round(figures.instances / (ms / 1000)));
  console.log(
    `\nModification of ${numberFormat.format(figures.instances)} instances (start before one task, cancel the other)`,
  );
  console.log(
    formatTable(
      ['how', 'seconds', 'instances/s', 'share of sync'],
      [
        [
          'POST /modification/execute (one transaction)',
          (figures.syncMs / 1000).toFixed(2),
          perSecond(figures.syncMs),
          '1.00x',
        ],
        [
          'POST /modification/executeAsync (job executor)',
          (figures.batchMs / 1000).toFixed(2),
          perSecond(figures.batchMs),
          `${(figures.syncMs / figures.batchMs).toFixed(2)}x`,
        ],
      ],
    ),
  );
  console.log(
    `Batch deleted by its monitor job after ${(figures.batchDeletedMs / 1000).toFixed(2)} s;` +
      ` ${String(figures.polls)} statistics polls, completedJobs ${figures.monotonic ? 'never decreased' : 'DECREASED at least once'}`,
  );
}
