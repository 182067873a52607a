import { describe, expect, it } from 'vitest';
import { CommandExecutor } from '../services/command-executor';
import type { BatchRec, JobRec, SetJobRetriesBatchConfiguration } from '../runtime/state';
import type { BatchJobHandler } from './batch-job-handler';
import {
  BATCH_POLL_TIME_MS,
  batchStatistics,
  createBatch,
  isExecutionJob,
  runBatchJob,
  setBatchSuspended,
} from './batch-runner';

function defined<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('expected a value');
  }
  return value;
}

/** A batch type whose execution jobs only record the ids they were given. */
function recordingHandler(failOn?: string) {
  const executed: string[] = [];
  const handler: BatchJobHandler<SetJobRetriesBatchConfiguration> = {
    type: 'set-job-retries',
    idKind: 'job',
    ids: (configuration) => configuration.jobIds,
    commandOptions: () => ({}),
    execute(_host, _rt, _configuration, id) {
      if (id === failOn) {
        throw new Error(`cannot process ${id}`);
      }
      executed.push(id);
    },
  };
  return { handler, executed };
}

function setup(itemCount: number, invocationsPerBatchJob: number, failOn?: string) {
  let now = Date.UTC(2026, 0, 1);
  let nextId = 0;
  const executor = new CommandExecutor({
    clock: () => now,
    newId: () => `id-${String(++nextId)}`,
    historyLevel: 'full',
    turnMs: 0,
    afterCommit: () => undefined,
  });
  const { handler, executed } = recordingHandler(failOn);
  const ids = Array.from({ length: itemCount }, (_, index) => `item-${String(index + 1)}`);
  const batch = executor.run({}, (rt) =>
    createBatch(
      executor,
      rt.ctx,
      handler,
      { deploymentId: null, tenantId: null },
      { kind: 'set-job-retries', jobIds: ids, retries: 1 },
      null,
      invocationsPerBatchJob,
    ),
  );
  const jobs = (): JobRec[] => [...executor.store.globalJobs.values()];
  const current = (): BatchRec | undefined => executor.store.batches.get(batch.id);
  const run = (job: JobRec): void => {
    executor.run({}, (rt) => {
      runBatchJob(executor, rt, job, () => handler);
    });
  };
  const executionJobs = (): JobRec[] => jobs().filter((job) => isExecutionJob(batch, job));
  const only = (handlerType: string): JobRec => {
    const [job, ...others] = jobs().filter((candidate) => candidate.handlerType === handlerType);
    if (!job || others.length > 0) {
      throw new Error(`expected one ${handlerType} job`);
    }
    return job;
  };
  const advance = (ms: number): void => {
    now += ms;
  };
  return { executor, batch, executed, jobs, current, run, executionJobs, only, advance };
}

describe('batch runner', () => {
  it('gives each execution job invocationsPerBatchJob ids of the handler', () => {
    const { batch, run, executionJobs, only } = setup(5, 2);
    expect(batch.totalJobs).toBe(3);
    expect(batch.type).toBe('set-job-retries');
    run(only('batch-seed-job'));
    expect(executionJobs().map((job) => JSON.parse(job.handlerConfiguration) as string[])).toEqual([
      ['item-1', 'item-2'],
      ['item-3', 'item-4'],
      ['item-5'],
    ]);
    expect(executionJobs().every((job) => job.handlerType === 'set-job-retries')).toBe(true);
    expect(only('batch-monitor-job').dueDate).toBeNull();
  });

  it('creates at most batchJobsPerSeed jobs per seed job, then seeds again', () => {
    const { run, executionJobs, only, current } = setup(101, 1);
    run(only('batch-seed-job'));
    expect(executionJobs()).toHaveLength(100);
    expect(current()?.jobsCreated).toBe(100);
    run(only('batch-seed-job'));
    expect(executionJobs()).toHaveLength(101);
    only('batch-monitor-job');
  });

  it('runs the handler on each id; the monitor job completes the batch once no job is left', () => {
    const { executor, batch, executed, run, executionJobs, only, current, advance } = setup(3, 2);
    run(only('batch-seed-job'));
    const [first, second] = executionJobs();
    run(defined(first));
    expect(executed).toEqual(['item-1', 'item-2']);
    expect(current()?.executionStartTime).toBe(executor.clock());

    run(only('batch-monitor-job'));
    expect(current()).toBeDefined();
    expect(only('batch-monitor-job').dueDate).toBe(executor.clock() + BATCH_POLL_TIME_MS);

    run(defined(second));
    advance(BATCH_POLL_TIME_MS);
    run(only('batch-monitor-job'));
    expect(executed).toEqual(['item-1', 'item-2', 'item-3']);
    expect(current()).toBeUndefined();
    expect(executor.store.historicBatches.get(batch.id)?.endTime).toBe(executor.clock());
    expect(executor.store.jobDefinitions.size).toBe(0);
  });

  it('names the failing id in the stack trace and counts the job as remaining', () => {
    const { batch, run, executionJobs, only, current } = setup(2, 1, 'item-2');
    run(only('batch-seed-job'));
    const failing = executionJobs()[1];
    expect(() => {
      run(defined(failing));
    }).toThrow(
      expect.objectContaining({
        stack: expect.stringContaining(
          `Caused while processing job 'item-2' of batch '${batch.id}'`,
        ) as unknown,
      }),
    );
    run(defined(executionJobs()[0]));
    expect(batchStatistics(defined(current()), executionJobs())).toEqual({
      remainingJobs: 1,
      completedJobs: 1,
      failedJobs: 0,
    });
  });

  it('suspends and activates the batch with its jobs', () => {
    const { executor, batch, jobs, current } = setup(1, 1);
    executor.run({}, (rt) => {
      setBatchSuspended(rt.ctx, batch, true);
    });
    expect(current()?.suspended).toBe(true);
    expect(jobs().every((job) => job.suspended)).toBe(true);
    executor.run({}, (rt) => {
      const suspended = rt.ctx.batches().get(batch.id);
      if (suspended) {
        setBatchSuspended(rt.ctx, suspended, false);
      }
    });
    expect(jobs().some((job) => job.suspended)).toBe(false);
  });
});
