/** The steps of a case, each a few REST calls (README.md, "Steps"). */
import { checkAssertions } from './assertions';
import { batchJobs, currentBatch } from './batch-jobs';
import type { CaseContext, EventSubscriptionDto } from './case-context';
import {
  describeInstance,
  fetchTree,
  instanceAt,
  jobSummary,
  once,
  resolveRefsIn,
  stepTarget,
} from './case-context';
import type { Assertions, ModifyKind, ModifyStep, Step, StepTarget } from './conformance-case';
import type { JobDto } from './expectations';
import { matchError } from './expectations';
import { CaseFailure, summarizeProblems, truncate } from './problems';
import { requireStatus } from './rest-client';

/** Rounds of "execute every job" before executeJobs gives up. */
const MAX_JOB_ROUNDS = 50;
/** Seed job runs before executeSeedJob gives up. */
const MAX_SEED_RUNS = 100;

const enc = encodeURIComponent;

const STEP_MODIFIERS = new Set([
  'instance',
  'on',
  'processInstanceId',
  'expectError',
  'expectStatus',
]);

const MODIFY_CALLS: Record<
  ModifyKind,
  { path: (id: string) => string; status: number; perInstance: boolean; isBatch: boolean }
> = {
  modify: {
    path: (id) => `/process-instance/${enc(id)}/modification`,
    status: 204,
    perInstance: true,
    isBatch: false,
  },
  modifyAsync: {
    path: (id) => `/process-instance/${enc(id)}/modification-async`,
    status: 200,
    perInstance: true,
    isBatch: true,
  },
  modifyMany: {
    path: () => '/modification/execute',
    status: 204,
    perInstance: false,
    isBatch: false,
  },
  modifyManyAsync: {
    path: () => '/modification/executeAsync',
    status: 200,
    perInstance: false,
    isBatch: true,
  },
};

interface StepInfo {
  isLast: boolean;
}

type Handler = (step: Step, ctx: CaseContext, info: StepInfo) => Promise<void>;

/** A step's payload under its kind (the one key that is not a modifier). */
function payload(step: Step, kind: string): unknown {
  return (step as unknown as Record<string, unknown>)[kind];
}

const STEP_HANDLERS: Record<string, Handler> = {
  completeTask: completeTaskStep,
  modify: (step, ctx, info) => modifyStep(step as ModifyStep, 'modify', ctx, info),
  modifyAsync: (step, ctx, info) => modifyStep(step as ModifyStep, 'modifyAsync', ctx, info),
  modifyMany: (step, ctx, info) => modifyStep(step as ModifyStep, 'modifyMany', ctx, info),
  modifyManyAsync: (step, ctx, info) =>
    modifyStep(step as ModifyStep, 'modifyManyAsync', ctx, info),
  snapshot: snapshotStep,
  executeJobs: executeAllJobsStep,
  executeJob: executeJobStep,
  executeSeedJob: executeSeedJobStep,
  executeBatchJobs: executeBatchJobsStep,
  executeMonitorJob: executeMonitorJobStep,
  deleteBatch: deleteBatchStep,
  deleteProcessInstance: deleteProcessInstanceStep,
  assert: assertStep,
};

function stepKind(step: Step): string {
  const kinds = Object.keys(step).filter((key) => !STEP_MODIFIERS.has(key));
  const [kind] = kinds;
  if (kinds.length !== 1 || kind === undefined || !(kind in STEP_HANDLERS)) {
    throw new CaseFailure(`unknown step ${truncate(JSON.stringify(step), 200)}`);
  }
  return kind;
}

export async function runSteps(ctx: CaseContext): Promise<void> {
  const { steps } = ctx.definition;
  for (const [i, step] of steps.entries()) {
    ctx.setStage(i + 1);
    const handler = STEP_HANDLERS[stepKind(step)];
    await handler?.(step, ctx, { isLast: i === steps.length - 1 });
  }
}

async function completeTaskStep(step: Step, ctx: CaseContext): Promise<void> {
  const pid = await stepTarget(step as StepTarget, ctx);
  const key = payload(step, 'completeTask') as string;
  const tasks = await ctx.client.getJson<{ id: string }[]>('/task', {
    processInstanceId: pid,
    taskDefinitionKey: key,
  });
  const [task] = tasks;
  if (!task) {
    throw new CaseFailure(
      `completeTask: no open task '${key}' (${await describeInstance(ctx, pid)})`,
    );
  }
  const response = await ctx.client.call('POST', `/task/${enc(task.id)}/complete`, { json: {} });
  requireStatus(response, [204, 200], `completeTask '${key}': POST /task/{id}/complete`);
}

async function modifyStep(
  step: ModifyStep,
  kind: ModifyKind,
  ctx: CaseContext,
  { isLast }: StepInfo,
): Promise<void> {
  const call = MODIFY_CALLS[kind];
  const getTarget = once(() => stepTarget(step, ctx));
  const body = await resolveRefsIn(payload(step, kind), ctx, getTarget);
  const urlId = call.perInstance ? (step.processInstanceId ?? (await getTarget())) : '';
  const path = call.path(urlId);
  const response = await ctx.client.call('POST', path, { json: body });
  const batch = response.body as { id?: string } | null;

  if (step.expectError !== undefined) {
    ctx.errorResponse = response;
    const problem = matchError(step.expectError, response);
    if (problem) {
      throw new CaseFailure(`${kind}: ${problem}`);
    }
    return;
  }
  if (isLast && ctx.definition.expect.error !== undefined) {
    // The case expects this request to fail; the `error` assertion judges the response.
    ctx.errorResponse = response;
    if (call.isBatch && response.status === 200 && batch?.id) {
      ctx.batch = { ...batch, id: batch.id };
    }
    return;
  }
  requireStatus(response, step.expectStatus ?? call.status, `${kind}: POST ${path}`);
  if (call.isBatch) {
    if (!batch?.id) {
      throw new CaseFailure(`${kind}: POST ${path} returned no batch (no id)`);
    }
    ctx.batch = { ...batch, id: batch.id };
  }
}

async function snapshotStep(step: Step, ctx: CaseContext): Promise<void> {
  const { client } = ctx;
  const pid = await stepTarget(step as StepTarget, ctx);
  const tree = await fetchTree(ctx, pid);
  const instanceJobs = await client.getJson<JobDto[]>('/job', { processInstanceId: pid });
  const allJobs = await client.getJson<JobDto[]>('/job');
  const instanceSubscriptions = await client.getJson<EventSubscriptionDto[]>(
    '/event-subscription',
    { processInstanceId: pid },
  );
  const allSubscriptions = await client.getJson<EventSubscriptionDto[]>('/event-subscription');
  ctx.snapshots[payload(step, 'snapshot') as string] = {
    targetId: pid,
    tree,
    instances: [...ctx.instances],
    jobs: { instance: instanceJobs.map(jobSummary), all: allJobs.map(jobSummary) },
    subscriptions: { instance: instanceSubscriptions, all: allSubscriptions },
  };
}

async function executeAllJobsStep(_step: Step, ctx: CaseContext): Promise<void> {
  for (let round = 1; round <= MAX_JOB_ROUNDS; round++) {
    const jobs = await ctx.client.getJson<JobDto[]>('/job', { withRetriesLeft: true });
    if (!jobs.length) {
      return;
    }
    // As Camunda's executeAvailableJobs(): a failing job only uses up a retry.
    for (const job of jobs) {
      await ctx.client.call('POST', `/job/${enc(job.id)}/execute`);
    }
  }
  throw new CaseFailure(
    `executeJobs: jobs with retries left remain after ${MAX_JOB_ROUNDS} rounds`,
  );
}

async function executeJobOrFail(ctx: CaseContext, jobId: string, label: string): Promise<void> {
  const response = await ctx.client.call('POST', `/job/${enc(jobId)}/execute`);
  requireStatus(response, 204, `executing the ${label}`);
}

async function executeJobStep(step: Step, ctx: CaseContext): Promise<void> {
  const { activityId } = payload(step, 'executeJob') as { activityId: string };
  const jobs = await ctx.client.getJson<JobDto[]>('/job', { activityId });
  const [job] = jobs;
  if (jobs.length !== 1 || !job) {
    throw new CaseFailure(
      `executeJob: expected exactly one job of '${activityId}', found ${jobs.length}`,
    );
  }
  await executeJobOrFail(ctx, job.id, `job of '${activityId}'`);
}

async function executeSeedJobStep(_step: Step, ctx: CaseContext): Promise<void> {
  for (let run = 0; run < MAX_SEED_RUNS; run++) {
    const [seed] = await batchJobs(ctx, 'seed');
    if (!seed) {
      if (run === 0) {
        throw new CaseFailure('executeSeedJob: the current batch has no seed job');
      }
      return;
    }
    await executeJobOrFail(ctx, seed.id, 'seed job');
  }
  throw new CaseFailure(`executeSeedJob: a seed job is still left after ${MAX_SEED_RUNS} runs`);
}

async function executeBatchJobsStep(_step: Step, ctx: CaseContext): Promise<void> {
  // Each job runs once; a failure keeps the job with its exception and one retry less.
  for (const job of await batchJobs(ctx, 'execution')) {
    await ctx.client.call('POST', `/job/${enc(job.id)}/execute`);
  }
}

async function executeMonitorJobStep(_step: Step, ctx: CaseContext): Promise<void> {
  const [monitor] = await batchJobs(ctx, 'monitor');
  if (!monitor) {
    throw new CaseFailure('executeMonitorJob: the current batch has no monitor job');
  }
  await executeJobOrFail(ctx, monitor.id, 'monitor job');
}

async function deleteBatchStep(step: Step, ctx: CaseContext): Promise<void> {
  const batch = currentBatch(ctx);
  const { cascade } = payload(step, 'deleteBatch') as { cascade: boolean };
  const response = await ctx.client.call('DELETE', `/batch/${enc(batch.id)}`, {
    query: { cascade },
  });
  requireStatus(response, 204, 'deleteBatch: DELETE /batch/{id}');
}

async function deleteProcessInstanceStep(step: Step, ctx: CaseContext): Promise<void> {
  const pid = instanceAt(
    ctx,
    (payload(step, 'deleteProcessInstance') as { instance: number }).instance,
  );
  const response = await ctx.client.call('DELETE', `/process-instance/${enc(pid)}`);
  requireStatus(response, 204, 'deleteProcessInstance: DELETE /process-instance/{id}');
}

async function assertStep(step: Step, ctx: CaseContext): Promise<void> {
  const problems = await checkAssertions(payload(step, 'assert') as Assertions, ctx, () =>
    stepTarget(step as StepTarget, ctx),
  );
  if (problems.length) {
    throw new CaseFailure(summarizeProblems(problems), problems);
  }
}
