/**
 * Throughput of a modification batch run by the job executor, beside the synchronous
 * `POST /modification/execute` on the same instances in the same run (aim: the batch reaches at
 * least 0.7x the synchronous throughput), in rounds that alternate the two, so that the ratio has
 * a spread. Also checks that the batch statistics only ever move forwards while it runs.
 *
 * Env: `BENCH_BATCH_ROUNDS` (default 3) rounds of one synchronous and one batch modification.
 */
import { readFileSync } from 'node:fs';
import type { EngineApi } from '../engine/engine-api';
import { JobExecutor } from '../server/job-executor';
import type { BatchDto, BatchStatisticsDto } from '../contract/camunda/batch';
import { envPositiveInt } from './lib/env';
import type { Spread } from './lib/latency';
import { formatSpread, measureMs, median, spreadOf } from './lib/latency';
import type { RestClient } from './lib/rest-client';
import { formatTable } from './lib/table';

const FIXTURE_FILE = 'two-tasks.bpmn';
const PROCESS_KEY = 'benchTwoTasks';
const STATISTICS_POLL_MS = 100;
const ROUNDS = envPositiveInt('BENCH_BATCH_ROUNDS', 3);

const numberFormat = new Intl.NumberFormat('en-US');

interface RoundFigures {
  syncMs: number;
  batchMs: number;
  batchDeletedMs: number;
  polls: number;
  monotonic: boolean;
}

export interface ThroughputFigures {
  instances: number;
  rounds: RoundFigures[];
  /** The median over the rounds of the batch's throughput over the synchronous one's. */
  asyncVsSync: number;
  asyncVsSyncSpread: Spread;
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

async function measureRound(
  client: RestClient,
  engine: EngineApi,
  definitionId: string,
  ids: string[],
): Promise<RoundFigures> {
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

export async function measureBatchThroughput(
  client: RestClient,
  engine: EngineApi,
  count: number,
): Promise<ThroughputFigures> {
  const ids = await startInstances(client, engine, count);
  const definitionId = engine.latestDefinition(PROCESS_KEY)?.id ?? '';
  const rounds: RoundFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push(await measureRound(client, engine, definitionId, ids));
  }
  const ratios = rounds.map((round) => round.syncMs / round.batchMs);
  return {
    instances: count,
    rounds,
    asyncVsSync: median(ratios),
    asyncVsSyncSpread: spreadOf(ratios),
  };
}

export function printBatchThroughput(figures: ThroughputFigures): void {
  const perSecond = (ms: number) =>
    numberFormat.format(Math.round(figures.instances / (ms / 1000)));
  const seconds = (values: number[]) => {
    const spread = spreadOf(values.map((ms) => ms / 1000));
    return [(median(values) / 1000).toFixed(2), formatSpread(spread, 2)];
  };
  const syncMs = figures.rounds.map((round) => round.syncMs);
  const batchMs = figures.rounds.map((round) => round.batchMs);
  console.log(
    `\nModification of ${numberFormat.format(figures.instances)} instances (start before one task,` +
      ` cancel the other), median of ${String(figures.rounds.length)} rounds`,
  );
  console.log(
    formatTable(
      ['how', 'seconds', 'min–max s', 'instances/s', 'share of sync', 'min–max'],
      [
        [
          'POST /modification/execute (one transaction)',
          ...seconds(syncMs),
          perSecond(median(syncMs)),
          '1.00x',
          '',
        ],
        [
          'POST /modification/executeAsync (job executor)',
          ...seconds(batchMs),
          perSecond(median(batchMs)),
          `${figures.asyncVsSync.toFixed(2)}x`,
          formatSpread(figures.asyncVsSyncSpread, 2),
        ],
      ],
    ),
  );
  const deleted = figures.rounds.map((round) => (round.batchDeletedMs / 1000).toFixed(2));
  const polls = figures.rounds.reduce((sum, round) => sum + round.polls, 0);
  const monotonic = figures.rounds.every((round) => round.monotonic);
  console.log(
    `Batches deleted by their monitor job after ${deleted.join(', ')} s;` +
      ` ${String(polls)} statistics polls, completedJobs ${monotonic ? 'never decreased' : 'DECREASED at least once'}`,
  );
}
