/**
 * The life cycle every batch shares, whatever its type, as Camunda's `BatchEntity`,
 * `BatchSeedJobHandler`, `BatchMonitorJobHandler` and `AbstractBatchJobHandler` run it: a seed
 * job creates the execution jobs `batchJobsPerSeed` at a time, each execution job works on
 * `invocationsPerBatchJob` ids through the type's `BatchJobHandler`, and a monitor job deletes
 * the batch once no execution job is left.
 */
import { ProcessEngineException } from '../errors';
import type { CommandContext } from '../runtime/command-context';
import { DEFAULT_JOB_RETRIES, type Runtime } from '../runtime/runtime';
import type { BatchConfiguration, BatchRec, JobHandlerType, JobRec } from '../runtime/state';
import type { BatchHost, BatchJobHandler } from './batch-job-handler';

/** Camunda's default `batchJobsPerSeed`. */
export const BATCH_JOBS_PER_SEED = 100;
/** Camunda's default `invocationsPerBatchJob`. */
export const INVOCATIONS_PER_BATCH_JOB = 1;
/** Camunda's default batch poll time: the monitor job re-checks every 30 s. */
export const BATCH_POLL_TIME_MS = 30_000;

/** What a batch belongs to: the deployment and tenant its jobs are created for. */
export interface BatchOwner {
  deploymentId: string | null;
  tenantId: string | null;
}

/** Inserts the batch, its historic batch, three job definitions and the first seed job. */
export function createBatch<T extends BatchConfiguration>(
  host: BatchHost,
  ctx: CommandContext,
  handler: BatchJobHandler<T>,
  owner: BatchOwner,
  configuration: T,
  userId: string | null,
  invocationsPerBatchJob = INVOCATIONS_PER_BATCH_JOB,
): BatchRec {
  const id = host.newId();
  const jobDefinition = (jobType: string, jobConfiguration: string): string => {
    const jobDefinitionId = host.newId();
    ctx.jobDefinitions().set(jobDefinitionId, {
      id: jobDefinitionId,
      processDefinitionId: null,
      processDefinitionKey: null,
      deploymentId: owner.deploymentId,
      activityId: null,
      jobType,
      jobConfiguration,
      suspended: false,
      overridingJobPriority: null,
      tenantId: owner.tenantId,
    });
    return jobDefinitionId;
  };
  const batch: BatchRec = {
    id,
    type: handler.type,
    totalJobs: Math.ceil(handler.ids(configuration).length / invocationsPerBatchJob),
    jobsCreated: 0,
    batchJobsPerSeed: BATCH_JOBS_PER_SEED,
    invocationsPerBatchJob,
    seedJobDefinitionId: jobDefinition('batch-seed-job', id),
    monitorJobDefinitionId: jobDefinition('batch-monitor-job', id),
    batchJobDefinitionId: jobDefinition(handler.type, ''),
    suspended: false,
    tenantId: owner.tenantId,
    createUserId: userId,
    startTime: host.clock(),
    executionStartTime: null,
    deploymentId: owner.deploymentId,
    configuration,
  };
  ctx.batches().set(id, batch);
  ctx.historicBatches().set(id, {
    id,
    type: batch.type,
    totalJobs: batch.totalJobs,
    batchJobsPerSeed: batch.batchJobsPerSeed,
    invocationsPerBatchJob: batch.invocationsPerBatchJob,
    seedJobDefinitionId: batch.seedJobDefinitionId,
    monitorJobDefinitionId: batch.monitorJobDefinitionId,
    batchJobDefinitionId: batch.batchJobDefinitionId,
    tenantId: batch.tenantId,
    createUserId: userId,
    startTime: batch.startTime,
    executionStartTime: null,
    endTime: null,
    removalTime: null,
  });
  addBatchJob(host, ctx, batch, 'batch-seed-job', batch.seedJobDefinitionId, id, null);
  return batch;
}

function addBatchJob(
  host: BatchHost,
  ctx: CommandContext,
  batch: BatchRec,
  handlerType: JobHandlerType,
  jobDefinitionId: string,
  handlerConfiguration: string,
  dueDate: number | null,
): JobRec {
  const job: JobRec = {
    id: host.newId(),
    jobDefinitionId,
    handlerType,
    handlerConfiguration,
    processInstanceId: null,
    executionId: null,
    activityInstanceId: null,
    processDefinitionId: null,
    processDefinitionKey: null,
    deploymentId: batch.deploymentId,
    activityId: null,
    retries: DEFAULT_JOB_RETRIES,
    exceptionMessage: null,
    stacktrace: null,
    failedActivityId: null,
    dueDate,
    repeat: null,
    suspended: batch.suspended,
    priority: 0,
    tenantId: batch.tenantId,
    createTime: host.clock(),
    batchId: batch.id,
    seq: ctx.nextSeq(),
  };
  ctx.globalJobs().set(job.id, job);
  return job;
}

/** Whether the job is one of the batch's execution jobs, run by the batch type's handler. */
export function isExecutionJob(batch: BatchRec, job: JobRec): boolean {
  return job.jobDefinitionId === batch.batchJobDefinitionId;
}

/**
 * Runs a seed, monitor or execution job of a batch inside the job's command, with the handler
 * `handlerOf` gives for the batch's type.
 */
export function runBatchJob(
  host: BatchHost,
  rt: Runtime,
  job: JobRec,
  handlerOf: (configuration: BatchConfiguration) => BatchJobHandler,
): void {
  const ctx = rt.ctx;
  const batch = job.batchId ? ctx.batches().get(job.batchId) : undefined;
  ctx.globalJobs().delete(job.id);
  if (!batch) {
    return;
  }
  const handler = handlerOf(batch.configuration);
  switch (job.handlerType) {
    case 'batch-seed-job':
      runSeedJob(host, ctx, batch, handler);
      return;
    case 'batch-monitor-job':
      runMonitorJob(host, ctx, batch);
      return;
    default:
      if (job.handlerType !== handler.type) {
        throw new ProcessEngineException(`Job handler '${job.handlerType}' is not a batch job`);
      }
      runExecutionJob(host, rt, batch, job, handler);
  }
}

/**
 * `BatchSeedJobHandler`: the type's handler creates up to batchJobsPerSeed execution jobs
 * (`AbstractBatchJobHandler.createJobs`), then another seed job follows or the monitor job.
 */
function runSeedJob(
  host: BatchHost,
  ctx: CommandContext,
  batch: BatchRec,
  handler: BatchJobHandler,
): void {
  const ids = handler.ids(batch.configuration);
  let created = batch.jobsCreated;
  for (let n = 0; n < batch.batchJobsPerSeed && created < batch.totalJobs; n++) {
    const slice = ids.slice(
      created * batch.invocationsPerBatchJob,
      (created + 1) * batch.invocationsPerBatchJob,
    );
    addBatchJob(
      host,
      ctx,
      batch,
      handler.type,
      batch.batchJobDefinitionId,
      JSON.stringify(slice),
      null,
    );
    created++;
  }
  const updated = { ...batch, jobsCreated: created };
  ctx.batches().set(batch.id, updated);
  if (created < batch.totalJobs) {
    addBatchJob(host, ctx, updated, 'batch-seed-job', batch.seedJobDefinitionId, batch.id, null);
  } else {
    addBatchJob(
      host,
      ctx,
      updated,
      'batch-monitor-job',
      batch.monitorJobDefinitionId,
      batch.id,
      null,
    );
  }
}

/**
 * `BatchMonitorJobHandler`: deletes the batch once no execution job is left; otherwise checks
 * again after the poll time.
 */
function runMonitorJob(host: BatchHost, ctx: CommandContext, batch: BatchRec): void {
  const remaining = [...ctx.globalJobs().values()].some((candidate) =>
    isExecutionJob(batch, candidate),
  );
  if (remaining || batch.jobsCreated < batch.totalJobs) {
    addBatchJob(
      host,
      ctx,
      batch,
      'batch-monitor-job',
      batch.monitorJobDefinitionId,
      batch.id,
      host.clock() + BATCH_POLL_TIME_MS,
    );
    return;
  }
  removeBatch(host, ctx, batch, false);
}

function runExecutionJob(
  host: BatchHost,
  rt: Runtime,
  batch: BatchRec,
  job: JobRec,
  handler: BatchJobHandler,
): void {
  const ids = JSON.parse(job.handlerConfiguration) as string[];
  if (batch.executionStartTime === null) {
    const now = host.clock();
    rt.ctx.batches().set(batch.id, { ...batch, executionStartTime: now });
    const historic = rt.ctx.historicBatches().get(batch.id);
    if (historic) {
      rt.ctx.historicBatches().set(batch.id, { ...historic, executionStartTime: now });
    }
  }
  for (const id of ids) {
    try {
      handler.execute(host, rt, batch.configuration, id);
    } catch (error) {
      // Camunda's batch jobs carry no process instance; the stack trace names the item that
      // failed, so an operator can tell which instance (or job) a failed batch job was for.
      if (error instanceof Error) {
        error.stack = `${error.stack ?? ''}\nCaused while processing ${handler.idKind} '${id}' of batch '${batch.id}'`;
      }
      throw error;
    }
  }
}

/** Deletes a batch with its jobs and job definitions; the historic batch ends or goes too. */
export function removeBatch(
  host: Pick<BatchHost, 'clock'>,
  ctx: CommandContext,
  batch: BatchRec,
  deleteHistory: boolean,
): void {
  const definitionIds = new Set([
    batch.seedJobDefinitionId,
    batch.monitorJobDefinitionId,
    batch.batchJobDefinitionId,
  ]);
  const jobs = ctx.globalJobs();
  for (const job of [...jobs.values()]) {
    if (job.jobDefinitionId !== null && definitionIds.has(job.jobDefinitionId)) {
      jobs.delete(job.id);
      for (const incident of [...ctx.globalIncidents().values()]) {
        if (incident.configuration === job.id) {
          ctx.globalIncidents().delete(incident.id);
        }
      }
    }
  }
  for (const id of definitionIds) {
    ctx.jobDefinitions().delete(id);
  }
  ctx.batches().delete(batch.id);
  const historic = ctx.historicBatches().get(batch.id);
  if (deleteHistory) {
    ctx.deleteHistoricIncidentsOfJobDefinitions(definitionIds);
    ctx.historicBatches().delete(batch.id);
  } else if (historic) {
    ctx.historicBatches().set(batch.id, { ...historic, endTime: host.clock() });
  }
}

/** `BatchStatisticsDto`'s counts. */
export interface BatchStatistics {
  remainingJobs: number;
  completedJobs: number;
  failedJobs: number;
}

/**
 * `BatchStatisticsEntity`: remaining = existing execution jobs + those not yet created; failed =
 * execution jobs without retries.
 */
export function batchStatistics(batch: BatchRec, jobs: Iterable<JobRec>): BatchStatistics {
  let existing = 0;
  let failed = 0;
  for (const job of jobs) {
    if (isExecutionJob(batch, job)) {
      existing++;
      if (job.retries === 0) {
        failed++;
      }
    }
  }
  const remainingJobs = existing + (batch.totalJobs - batch.jobsCreated);
  return { remainingJobs, completedJobs: batch.totalJobs - remainingJobs, failedJobs: failed };
}

/** `BatchEntity`'s suspension: suspending a batch suspends its job definitions and jobs. */
export function setBatchSuspended(ctx: CommandContext, batch: BatchRec, suspended: boolean): void {
  const definitionIds = new Set([
    batch.seedJobDefinitionId,
    batch.monitorJobDefinitionId,
    batch.batchJobDefinitionId,
  ]);
  ctx.batches().set(batch.id, { ...batch, suspended });
  for (const id of definitionIds) {
    const definition = ctx.jobDefinitions().get(id);
    if (definition) {
      ctx.jobDefinitions().set(id, { ...definition, suspended });
    }
  }
  const jobs = ctx.globalJobs();
  for (const job of [...jobs.values()]) {
    if (job.jobDefinitionId !== null && definitionIds.has(job.jobDefinitionId)) {
      jobs.set(job.id, { ...job, suspended });
    }
  }
}
