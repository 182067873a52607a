/**
 * Modification of many instances, synchronously or as a batch, with Camunda 7's batch life cycle:
 * seed job → execution jobs → monitor job → deletion (contract §2.4, §2.5, §4.9).
 */
import type { ModificationInstruction } from '../modification/modification-instruction';
import { BadUserRequestException, ProcessEngineException } from '../errors';
import { modifyProcessInstance } from '../modification/modify-process-instance';
import type { CommandContext } from '../runtime/command-context';
import { DEFAULT_JOB_RETRIES, type Runtime } from '../runtime/runtime';
import type { Turns } from '../runtime/turns';
import type {
  BatchConfiguration,
  BatchRec,
  JobHandlerType,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  UserOperationLogRec,
} from '../runtime/state';

export const BATCH_TYPE_INSTANCE_MODIFICATION = 'instance-modification';
export const BATCH_JOBS_PER_SEED = 100;
export const INVOCATIONS_PER_BATCH_JOB = 1;
/** Camunda's default batch poll time: the monitor job re-checks every 30 s. */
export const BATCH_POLL_TIME_MS = 30_000;

/** What the batch code needs from the engine. */
export interface BatchHost {
  run<T>(
    options: { userId?: string | null; skipCustomListeners?: boolean; skipIoMappings?: boolean },
    command: (rt: Runtime) => T,
  ): T;
  /** `run` for a command that lets other commands run meanwhile (engine/runtime/turns.ts). */
  runInTurns<T>(
    options: { userId?: string | null; skipCustomListeners?: boolean; skipIoMappings?: boolean },
    command: (rt: Runtime, turns: Turns) => Promise<T>,
  ): Promise<T>;
  clock(): number;
  newId(): string;
  definition(id: string): ProcessDefinitionRec | undefined;
  /** A job as committed, wherever it lives. */
  job(id: string): JobRec | undefined;
}

export interface ManyInstancesModification {
  processDefinitionId: string | null | undefined;
  /** Already the union of ids and query results, duplicates removed. */
  processInstanceIds: (string | null)[];
  instructions: ModificationInstruction[];
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  annotation?: string | null;
  userId?: string | null;
  /**
   * The user's permission check of each instance (`checkUpdateProcessInstance`), made inside the
   * command once the instance is found, as ProcessInstanceModificationCmd makes it.
   */
  checkInstance?: (instance: ProcessInstanceState) => void;
  /** The user's `checkCreateBatch`, made once the request is valid, as BatchBuilder makes it. */
  checkCreateBatch?: () => void;
}

/** Checks 1 and 3–6 of contract §2.4, in Camunda's order. */
export function validateManyInstances(
  host: BatchHost,
  input: ManyInstancesModification,
): ProcessDefinitionRec {
  if (!input.processDefinitionId) {
    throw new BadUserRequestException('processDefinitionId is null');
  }
  if (input.instructions.length === 0) {
    throw new BadUserRequestException(
      'Modification instructions cannot be empty: instructions is empty',
    );
  }
  if (input.processInstanceIds.length === 0) {
    throw new BadUserRequestException(
      'Process instance ids cannot be empty: Process instance ids is empty',
    );
  }
  if (input.processInstanceIds.some((id) => id === null)) {
    throw new BadUserRequestException(
      'Process instance ids cannot be null: Process instance ids contains null value',
    );
  }
  const definition = host.definition(input.processDefinitionId);
  if (!definition) {
    throw new BadUserRequestException(
      `no deployed process definition found with id '${input.processDefinitionId}': processDefinition is null`,
    );
  }
  return definition;
}

function modifyOne(
  rt: Runtime,
  definitionId: string,
  instanceId: string,
  instructions: ModificationInstruction[],
  checkInstance: ((instance: ProcessInstanceState) => void) | undefined,
): void {
  const pi = rt.ctx.instance(instanceId);
  if (!pi) {
    throw new ProcessEngineException(
      `ENGINE-13036 Process instance '${instanceId}' cannot be modified. The process instance does not exist`,
    );
  }
  if (pi.processDefinitionId !== definitionId) {
    throw new ProcessEngineException(
      `ENGINE-13037 Process instance '${instanceId}' cannot be modified. Its process definition '${pi.processDefinitionId}' does not match given process definition '${definitionId}'`,
    );
  }
  checkInstance?.(pi);
  modifyProcessInstance(rt, pi, instructions, { honourCancelCurrentActive: true });
}

/** `POST /modification/execute`: every instance in one transaction. */
export function executeModification(host: BatchHost, input: ManyInstancesModification): void {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  host.run(
    {
      userId: input.userId,
      skipCustomListeners: input.skipCustomListeners,
      skipIoMappings: input.skipIoMappings,
    },
    (rt) => {
      for (const id of ids) {
        modifyOne(rt, definition.id, id, input.instructions, input.checkInstance);
      }
      logManyInstances(host, rt.ctx, definition, ids.length, false, input);
    },
  );
}

/**
 * `executeModification`, letting other requests run between instances: still one transaction,
 * committed only at the end, and failed by another command's change to one of the instances.
 */
export async function executeModificationInTurns(
  host: BatchHost,
  input: ManyInstancesModification,
): Promise<void> {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  await host.runInTurns(
    {
      userId: input.userId,
      skipCustomListeners: input.skipCustomListeners,
      skipIoMappings: input.skipIoMappings,
    },
    async (rt, turns) => {
      for (const id of ids) {
        modifyOne(rt, definition.id, id, input.instructions, input.checkInstance);
        if (turns.due()) {
          await turns.take();
        }
      }
      logManyInstances(host, rt.ctx, definition, ids.length, false, input);
    },
  );
}

/** Two entries sharing one operationId: nrOfInstances and async (contract §2.4). */
function logManyInstances(
  host: BatchHost,
  ctx: CommandContext,
  definition: ProcessDefinitionRec,
  count: number,
  async: boolean,
  input: ManyInstancesModification,
): void {
  if (!input.userId) {
    return;
  }
  const operationId = host.newId();
  for (const [property, newValue] of [
    ['nrOfInstances', String(count)],
    ['async', String(async)],
  ] as const) {
    ctx.log(
      logEntry(host, {
        operationId,
        userId: input.userId,
        operationType: 'ModifyProcessInstance',
        entityType: 'ProcessInstance',
        annotation: input.annotation ?? null,
        property,
        newValue,
        deploymentId: definition.deploymentId,
        processDefinitionId: definition.id,
        processDefinitionKey: definition.key,
      }),
    );
  }
}

/**
 * The entry of one instance's modification, synchronous or as a batch: Camunda's
 * `logProcessInstanceOperation(OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, …)`, written only for an
 * authenticated user.
 */
export function logInstanceModification(
  host: Pick<BatchHost, 'newId' | 'clock'>,
  ctx: CommandContext,
  definition: ProcessDefinitionRec,
  pi: ProcessInstanceState,
  options: { userId?: string | null; annotation?: string | null },
): void {
  if (!options.userId) {
    return;
  }
  ctx.log(
    logEntry(host, {
      operationId: host.newId(),
      userId: options.userId,
      operationType: 'ModifyProcessInstance',
      entityType: 'ProcessInstance',
      annotation: options.annotation ?? null,
      deploymentId: definition.deploymentId,
      processDefinitionId: definition.id,
      processDefinitionKey: definition.key,
      processInstanceId: pi.id,
      rootProcessInstanceId: pi.rootProcessInstanceId,
    }),
  );
}

/** A user operation log entry with Camunda's defaults (category Operator). */
export function logEntry(
  host: Pick<BatchHost, 'newId' | 'clock'>,
  fields: Partial<UserOperationLogRec> &
    Pick<UserOperationLogRec, 'operationId' | 'userId' | 'operationType' | 'entityType'>,
): UserOperationLogRec {
  return {
    id: host.newId(),
    timestamp: host.clock(),
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
    deploymentId: null,
    processDefinitionId: null,
    processDefinitionKey: null,
    processInstanceId: null,
    executionId: null,
    taskId: null,
    jobId: null,
    jobDefinitionId: null,
    batchId: null,
    rootProcessInstanceId: null,
    ...fields,
  };
}

/**
 * What survives the batch configuration: targets, ancestors of startBefore/startAfter (since 7.23),
 * cancelCurrentActiveActivityInstances; never variables (contract §2.3).
 */
export function storableInstructions(
  instructions: ModificationInstruction[],
): ModificationInstruction[] {
  return instructions.map((instruction) => {
    switch (instruction.type) {
      case 'startBeforeActivity':
      case 'startAfterActivity':
        return {
          type: instruction.type,
          activityId: instruction.activityId,
          ancestorActivityInstanceId: instruction.ancestorActivityInstanceId ?? null,
        };
      case 'startTransition':
        return { type: 'startTransition', transitionId: instruction.transitionId };
      case 'cancel':
        return { ...instruction };
    }
  });
}

/** `POST /modification/executeAsync`: a batch; instances are only checked when its jobs run. */
export function executeModificationAsync(
  host: BatchHost,
  input: ManyInstancesModification,
): BatchRec {
  const definition = validateManyInstances(host, input);
  const ids = input.processInstanceIds as string[];
  input.checkCreateBatch?.();
  return host.run({ userId: input.userId }, (rt) => {
    const batch = createBatch(
      host,
      rt.ctx,
      definition,
      {
        kind: 'instance-modification',
        processDefinitionId: definition.id,
        processInstanceIds: ids,
        instructions: storableInstructions(input.instructions),
        skipCustomListeners: input.skipCustomListeners ?? false,
        skipIoMappings: input.skipIoMappings ?? false,
      },
      input.userId ?? null,
    );
    logManyInstances(host, rt.ctx, definition, ids.length, true, input);
    return batch;
  });
}

/** `POST /process-instance/{id}/modification-async`: a batch of one job. */
export function modifyProcessInstanceAsync(
  host: BatchHost,
  processInstanceId: string,
  instructions: ModificationInstruction[],
  options: {
    skipCustomListeners?: boolean;
    skipIoMappings?: boolean;
    annotation?: string | null;
    userId?: string | null;
    /** The user's permission check (`checkCreateBatch`), made once the instance is found. */
    authorize?: (instance: ProcessInstanceState) => void;
  },
): BatchRec {
  return host.run({ userId: options.userId }, (rt) => {
    const pi = rt.ctx.peek(processInstanceId);
    if (!pi) {
      throw new ProcessEngineException(
        `ENGINE-13036 Process instance '${processInstanceId}' cannot be modified. The process instance does not exist`,
      );
    }
    options.authorize?.(pi);
    const definition = host.definition(pi.processDefinitionId);
    if (!definition) {
      throw new ProcessEngineException(
        `no deployed process definition found with id '${pi.processDefinitionId}'`,
      );
    }
    const batch = createBatch(
      host,
      rt.ctx,
      definition,
      {
        kind: 'instance-modification',
        processDefinitionId: definition.id,
        processInstanceIds: [processInstanceId],
        instructions: storableInstructions(instructions),
        skipCustomListeners: options.skipCustomListeners ?? false,
        skipIoMappings: options.skipIoMappings ?? false,
      },
      options.userId ?? null,
    );
    logInstanceModification(host, rt.ctx, definition, pi, options);
    return batch;
  });
}

/** The items a batch works through: process instances or jobs. */
function batchItems(configuration: BatchConfiguration): string[] {
  return configuration.kind === 'instance-modification'
    ? configuration.processInstanceIds
    : configuration.jobIds;
}

/** Inserts the batch, its historic batch, three job definitions and the first seed job. */
function createBatch(
  host: BatchHost,
  ctx: CommandContext,
  owner: { deploymentId: string | null; tenantId: string | null },
  configuration: BatchConfiguration,
  userId: string | null,
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
    type: configuration.kind,
    totalJobs: Math.ceil(batchItems(configuration).length / INVOCATIONS_PER_BATCH_JOB),
    jobsCreated: 0,
    batchJobsPerSeed: BATCH_JOBS_PER_SEED,
    invocationsPerBatchJob: INVOCATIONS_PER_BATCH_JOB,
    seedJobDefinitionId: jobDefinition('batch-seed-job', id),
    monitorJobDefinitionId: jobDefinition('batch-monitor-job', id),
    batchJobDefinitionId: jobDefinition(configuration.kind, ''),
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

/** `POST /job/retries`: a `set-job-retries` batch over the given jobs (contract §3.5). */
export function setJobRetriesAsync(
  host: BatchHost,
  jobIds: string[],
  retries: number,
  userId: string | null,
  checkCreateBatch?: () => void,
): BatchRec {
  if (jobIds.length === 0) {
    throw new BadUserRequestException('job ids cannot be empty: jobIds is empty');
  }
  if (retries < 0) {
    throw new BadUserRequestException(
      `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
    );
  }
  checkCreateBatch?.();
  return host.run({ userId }, (rt) => {
    const batch = createBatch(
      host,
      rt.ctx,
      { deploymentId: null, tenantId: null },
      { kind: 'set-job-retries', jobIds, retries },
      userId,
    );
    if (userId) {
      rt.ctx.log(
        logEntry(host, {
          operationId: host.newId(),
          userId,
          operationType: 'SetJobRetries',
          entityType: 'Job',
          property: 'retries',
          newValue: String(retries),
          batchId: batch.id,
        }),
      );
    }
    return batch;
  });
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

/** Runs a seed, monitor or execution job of a batch inside the job's command. */
export function runBatchJob(host: BatchHost, rt: Runtime, job: JobRec): void {
  const ctx = rt.ctx;
  const batch = job.batchId ? ctx.batches().get(job.batchId) : undefined;
  ctx.globalJobs().delete(job.id);
  if (!batch) {
    return;
  }
  switch (job.handlerType) {
    case 'batch-seed-job':
      runSeedJob(host, ctx, batch);
      return;
    case 'batch-monitor-job':
      runMonitorJob(host, ctx, batch);
      return;
    case 'instance-modification':
    case 'set-job-retries':
      runExecutionJob(host, rt, batch, job);
      return;
    default:
      throw new ProcessEngineException(`Job handler '${job.handlerType}' is not a batch job`);
  }
}

/** Creates up to batchJobsPerSeed execution jobs, then another seed job or the monitor job. */
function runSeedJob(host: BatchHost, ctx: CommandContext, batch: BatchRec): void {
  const ids = batchItems(batch.configuration);
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
      'instance-modification',
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

/** Deletes the batch once no execution job is left; otherwise checks again after the poll time. */
function runMonitorJob(host: BatchHost, ctx: CommandContext, batch: BatchRec): void {
  const remaining = [...ctx.globalJobs().values()].some(
    (candidate) => candidate.jobDefinitionId === batch.batchJobDefinitionId,
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

function runExecutionJob(host: BatchHost, rt: Runtime, batch: BatchRec, job: JobRec): void {
  const ids = JSON.parse(job.handlerConfiguration) as string[];
  const config = batch.configuration;
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
      if (config.kind === 'instance-modification') {
        // Batch jobs run without an authenticated user, so nothing is checked.
        modifyOne(rt, config.processDefinitionId, id, config.instructions, undefined);
      } else {
        setRetries(host, rt, id, config.retries);
      }
    } catch (error) {
      // Camunda's batch jobs carry no process instance; the stack trace names the item that
      // failed, so an operator can tell which instance (or job) a failed batch job was for.
      if (error instanceof Error) {
        const what = config.kind === 'instance-modification' ? 'process instance' : 'job';
        error.stack = `${error.stack ?? ''}\nCaused while processing ${what} '${id}' of batch '${batch.id}'`;
      }
      throw error;
    }
  }
}

/** Sets one job's retries; a retry above zero resolves its failedJob incident. */
export function setRetries(host: BatchHost, rt: Runtime, jobId: string, retries: number): void {
  const job = host.job(jobId);
  if (!job) {
    throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
  }
  const ctx = rt.ctx;
  if (job.processInstanceId === null) {
    const current = ctx.globalJobs().get(jobId);
    if (!current) {
      throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
    }
    ctx.globalJobs().set(jobId, { ...current, retries });
    if (retries > 0) {
      for (const incident of [...ctx.globalIncidents().values()]) {
        if (incident.configuration === jobId) {
          ctx.globalIncidents().delete(incident.id);
        }
      }
    }
    return;
  }
  const pi = ctx.instance(job.processInstanceId);
  const current = pi?.jobs[jobId];
  if (!pi || !current) {
    throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
  }
  current.retries = retries;
  if (retries > 0) {
    for (const incident of Object.values(pi.incidents)) {
      if (incident.configuration === jobId) {
        delete pi.incidents[incident.id];
      }
    }
  }
}

/** Deletes a batch with its jobs and job definitions; the historic batch ends or goes too. */
export function removeBatch(
  host: BatchHost,
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
    ctx.historicBatches().delete(batch.id);
  } else if (historic) {
    ctx.historicBatches().set(batch.id, { ...historic, endTime: host.clock() });
  }
}

export interface BatchStatistics {
  remainingJobs: number;
  completedJobs: number;
  failedJobs: number;
}

/** Contract §3.1: remaining = existing execution jobs + not yet created; failed = 0 retries. */
export function batchStatistics(batch: BatchRec, jobs: Iterable<JobRec>): BatchStatistics {
  let existing = 0;
  let failed = 0;
  for (const job of jobs) {
    if (job.jobDefinitionId === batch.batchJobDefinitionId) {
      existing++;
      if (job.retries === 0) {
        failed++;
      }
    }
  }
  const remainingJobs = existing + (batch.totalJobs - batch.jobsCreated);
  return { remainingJobs, completedJobs: batch.totalJobs - remainingJobs, failedJobs: failed };
}

/** Suspending a batch suspends its job definitions and jobs (contract §3.2). */
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
