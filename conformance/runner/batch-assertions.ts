/**
 * Assertions on the current batch, its jobs and history, and on the user operation log
 * (README.md, "Assertions").
 */
import type { Check } from './check';
import {
  BATCH_JOB_ROLES,
  batchJobDefinitionId,
  batchJobs,
  currentBatch,
  isBatchJobRole,
} from './batch-jobs';
import { formatCamundaDate, parseCamundaDate } from './camunda-date';
import type { CaseContext, TargetGetter } from './case-context';
import { resolveRefsIn } from './case-context';
import type {
  Assertions,
  BatchJobRole,
  BatchJobsCheck,
  JsonValue,
  UserOperationLogCheck,
} from './conformance-case';
import type { JobDto } from './expectations';
import { checkExecutionJobs, compareFields, expandPlaceholders, hasField } from './expectations';
import { fmt } from './problems';
import { describeResponse, requireStatus } from './rest-client';

/** How far a monitor job's due date may be from the expected moment. */
const DUE_DATE_TOLERANCE_MS = 5_000;

const enc = encodeURIComponent;

type BatchAssertionKey =
  | 'batch'
  | 'batchExists'
  | 'batchJobs'
  | 'batchJobDefinitions'
  | 'batchStatistics'
  | 'historicBatch'
  | 'historicBatchExists'
  | 'userOperationLog'
  | 'sameOperationId';

export const BATCH_ASSERTIONS: Record<BatchAssertionKey, Check> = {
  batch: checkBatchFields,
  batchExists: checkBatchExists,
  batchJobs: checkBatchJobs,
  batchJobDefinitions: checkBatchJobDefinitions,
  batchStatistics: checkBatchStatistics,
  historicBatch: checkHistoricBatch,
  historicBatchExists: checkHistoricBatchExists,
  userOperationLog: checkUserOperationLog,
  // Applies to the entries matched by userOperationLog, which checks it.
  sameOperationId: (_value: boolean, _ctx, _target, spec) =>
    Promise.resolve(
      spec.userOperationLog ? [] : ['sameOperationId is given without userOperationLog'],
    ),
};

async function checkBatchFields(
  expected: Record<string, JsonValue>,
  ctx: CaseContext,
): Promise<string[]> {
  const batch = currentBatch(ctx);
  const response = await ctx.client.call('GET', `/batch/${enc(batch.id)}`);
  // Once the batch is gone, only its creation response is left to check.
  return response.status === 200
    ? compareFields('batch', expected, response.body)
    : compareFields('batch (creation response)', expected, batch);
}

async function checkBatchExists(expected: boolean, ctx: CaseContext): Promise<string[]> {
  let exists: boolean;
  if (ctx.batch) {
    const response = await ctx.client.call('GET', `/batch/${enc(ctx.batch.id)}`);
    requireStatus(response, [200, 404], 'GET /batch/{id}');
    exists = response.status === 200;
  } else {
    exists = (await ctx.client.getJson<{ count: number }>('/batch/count')).count > 0;
  }
  if (exists === expected) {
    return [];
  }
  return [
    expected ? 'expected the batch to exist, but it does not' : 'expected no batch, but one exists',
  ];
}

function checkMonitorDueDate(
  expected: BatchJobsCheck,
  monitorJobs: JobDto[],
  ctx: CaseContext,
): string[] {
  const { monitorDueDate, monitorDueDateSecondsAfterNow: seconds } = expected;
  if (monitorDueDate === undefined && seconds === undefined) {
    return [];
  }
  const [job] = monitorJobs;
  if (!job) {
    return ['batch monitor job: none exists, so its due date cannot be checked'];
  }
  const due = parseCamundaDate(job.dueDate);
  const now = ctx.client.now();
  const problems: string[] = [];
  if (monitorDueDate === 'none-or-now') {
    const isNow =
      due !== null &&
      due >= ctx.startedAt - DUE_DATE_TOLERANCE_MS &&
      due <= now + DUE_DATE_TOLERANCE_MS;
    if (due !== null && !isNow) {
      problems.push(`batch monitor job: due ${String(job.dueDate)}, expected none or now`);
    }
  }
  if (seconds !== undefined) {
    const wanted = now + seconds * 1000;
    if (due === null || !(Math.abs(due - wanted) <= DUE_DATE_TOLERANCE_MS)) {
      problems.push(
        `batch monitor job: due ${job.dueDate ?? 'never'}, ` +
          `expected about ${formatCamundaDate(new Date(wanted))} (now + ${seconds} s)`,
      );
    }
  }
  return problems;
}

async function checkBatchJobs(expected: BatchJobsCheck, ctx: CaseContext): Promise<string[]> {
  const roles = Object.keys(BATCH_JOB_ROLES).filter(isBatchJobRole);
  const needed = new Set<BatchJobRole>(roles.filter((role) => expected[role] !== undefined));
  if (expected.executionJobs) {
    needed.add('execution');
  }
  if (
    expected.monitorDueDate !== undefined ||
    expected.monitorDueDateSecondsAfterNow !== undefined
  ) {
    needed.add('monitor');
  }
  const jobs: Record<BatchJobRole, JobDto[]> = { seed: [], execution: [], monitor: [] };
  for (const role of needed) {
    jobs[role] = await batchJobs(ctx, role);
  }
  const problems: string[] = [];
  for (const role of needed) {
    const count = expected[role];
    if (count !== undefined && jobs[role].length !== count) {
      problems.push(`batch ${role} jobs: expected ${count}, found ${jobs[role].length}`);
    }
  }
  if (expected.executionJobs) {
    problems.push(...checkExecutionJobs(expected.executionJobs, jobs.execution));
  }
  problems.push(...checkMonitorDueDate(expected, jobs.monitor, ctx));
  return problems;
}

async function checkBatchJobDefinitions(
  expected: Partial<Record<BatchJobRole, Record<string, JsonValue>>>,
  ctx: CaseContext,
): Promise<string[]> {
  const batch = currentBatch(ctx);
  const problems: string[] = [];
  for (const [role, fields] of Object.entries(expected)) {
    if (!isBatchJobRole(role)) {
      problems.push(`batchJobDefinitions: unknown role '${role}'`);
      continue;
    }
    const response = await ctx.client.call(
      'GET',
      `/job-definition/${enc(batchJobDefinitionId(batch, role))}`,
    );
    if (response.status !== 200) {
      problems.push(
        `${role} job definition: GET /job-definition/{id} answered ${describeResponse(response)}`,
      );
      continue;
    }
    const wanted = expandPlaceholders(fields, { batchId: batch.id }) as Record<string, unknown>;
    problems.push(...compareFields(`${role} job definition`, wanted, response.body));
  }
  return problems;
}

async function checkBatchStatistics(
  expected: Record<string, JsonValue>,
  ctx: CaseContext,
): Promise<string[]> {
  const statistics = await ctx.client.getJson<unknown[]>('/batch/statistics', {
    batchId: currentBatch(ctx).id,
  });
  if (statistics.length !== 1) {
    return [`batch statistics: expected one entry for the batch, found ${statistics.length}`];
  }
  return compareFields('batch statistics', expected, statistics[0]);
}

async function checkHistoricBatch(
  expected: NonNullable<Assertions['historicBatch']>,
  ctx: CaseContext,
): Promise<string[]> {
  const response = await ctx.client.call('GET', `/history/batch/${enc(currentBatch(ctx).id)}`);
  if (response.status !== 200) {
    return [`historic batch: GET /history/batch/{id} answered ${describeResponse(response)}`];
  }
  const { completed, ...fields } = expected;
  const problems = compareFields('historic batch', fields, response.body);
  const endTime = (response.body as { endTime?: string | null }).endTime ?? null;
  if (completed !== undefined && (endTime !== null) !== completed) {
    problems.push(
      `historic batch: expected ${completed ? 'an endTime' : 'no endTime'}, endTime is ${fmt(endTime)}`,
    );
  }
  return problems;
}

async function checkHistoricBatchExists(expected: boolean, ctx: CaseContext): Promise<string[]> {
  const response = await ctx.client.call('GET', `/history/batch/${enc(currentBatch(ctx).id)}`);
  requireStatus(response, [200, 404], 'GET /history/batch/{id}');
  if ((response.status === 200) === expected) {
    return [];
  }
  return [
    expected
      ? 'expected the historic batch to exist, but it does not'
      : 'expected no historic batch, but it exists',
  ];
}

interface UserOperationLogEntryDto {
  operationId?: string | null;
  operationType?: string | null;
  entityType?: string | null;
  property?: string | null;
  newValue?: string | null;
}

/** `key=value, ...` with strings unquoted, e.g. for the fields a log entry must have. */
function describeFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

function describeLogEntry(entry: UserOperationLogEntryDto): string {
  const property = entry.property ? ` ${entry.property}=${String(entry.newValue)}` : '';
  return `${String(entry.operationType)}/${String(entry.entityType)}${property}`;
}

function operationIdProblems(label: string, entries: UserOperationLogEntryDto[]): string[] {
  const ids = new Set(entries.map((entry) => entry.operationId));
  return ids.size > 1 ? [`${label}: expected one operationId, found ${[...ids].join(', ')}`] : [];
}

/**
 * Camunda writes the user operation log only for authenticated requests, so these checks need a
 * user; entries are those of the case's process written since the case started.
 */
async function checkUserOperationLog(
  expectedEntries: UserOperationLogCheck[],
  ctx: CaseContext,
  target: TargetGetter,
  spec: Assertions,
): Promise<string[]> {
  const wanted = (await resolveRefsIn(expectedEntries, ctx, target)) as UserOperationLogCheck[];
  const log = await ctx.client.getJson<UserOperationLogEntryDto[]>('/history/user-operation', {
    processDefinitionKey: ctx.definition.processDefinitionKey,
    afterTimestamp: formatCamundaDate(new Date(ctx.startedAt)),
  });
  const found = log.length ? log.map(describeLogEntry).join(', ') : 'none';
  const problems: string[] = [];
  const matchedAll: UserOperationLogEntryDto[] = [];
  for (const { count, sameOperationId, ...fields } of wanted) {
    const matched = log.filter((entry) =>
      Object.entries(fields).every(([key, value]) => hasField(entry, key, value)),
    );
    if (count !== undefined ? matched.length !== count : !matched.length) {
      problems.push(
        `user operation log: ${matched.length} entries with ${describeFields(fields)}, ` +
          `expected ${count ?? 'at least 1'} (entries since the case started: ${found})`,
      );
    }
    if (sameOperationId) {
      problems.push(
        ...operationIdProblems(`user operation log (${describeFields(fields)})`, matched),
      );
    }
    matchedAll.push(...matched);
  }
  if (spec.sameOperationId) {
    problems.push(...operationIdProblems('user operation log', matchedAll));
  }
  return problems;
}
