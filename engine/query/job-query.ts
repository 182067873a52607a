/**
 * `GET /job` and `GET /job-definition` filters and sort keys, as Camunda's REST `JobQueryDto` and
 * `JobDefinitionQueryDto` read them.
 */
import type { EngineApi } from '../engine-api';
import type { JobDefinitionRec, JobRec } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { inList, matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `JobQueryDto`. */
export interface JobQuery {
  jobId?: string;
  jobIds?: string[];
  jobDefinitionId?: string;
  processInstanceId?: string;
  processInstanceIds?: string[];
  executionId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  activityId?: string;
  withRetriesLeft?: boolean;
  executable?: boolean;
  timers?: boolean;
  messages?: boolean;
  dueBefore?: number;
  dueAfter?: number;
  withException?: boolean;
  exceptionMessage?: string;
  failedActivityId?: string;
  noRetriesLeft?: boolean;
  active?: boolean;
  suspended?: boolean;
  priorityLowerThanOrEquals?: number;
  priorityHigherThanOrEquals?: number;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const JOB_SORT_KEYS: SortKeys<JobRec> = {
  jobId: (job) => job.id,
  executionId: (job) => job.executionId,
  processInstanceId: (job) => job.processInstanceId,
  processDefinitionId: (job) => job.processDefinitionId,
  processDefinitionKey: (job) => job.processDefinitionKey,
  jobPriority: (job) => job.priority,
  jobRetries: (job) => job.retries,
  jobDueDate: (job) => job.dueDate,
  tenantId: (job) => job.tenantId,
};

/** Timers are Camunda's `TimerEntity` jobs; every other job is a message job. */
export function isTimerJob(job: JobRec): boolean {
  return job.handlerType.startsWith('timer-');
}

export function matchesJob(job: JobRec, query: JobQuery, now: number): boolean {
  const q = query;
  if (q.jobId !== undefined && job.id !== q.jobId) {
    return false;
  }
  if (q.jobIds && !q.jobIds.includes(job.id)) {
    return false;
  }
  if (q.jobDefinitionId !== undefined && job.jobDefinitionId !== q.jobDefinitionId) {
    return false;
  }
  if (q.processInstanceId !== undefined && job.processInstanceId !== q.processInstanceId) {
    return false;
  }
  if (q.processInstanceIds && !inList(job.processInstanceId ?? '', q.processInstanceIds)) {
    return false;
  }
  if (q.executionId !== undefined && job.executionId !== q.executionId) {
    return false;
  }
  if (q.processDefinitionId !== undefined && job.processDefinitionId !== q.processDefinitionId) {
    return false;
  }
  if (q.processDefinitionKey !== undefined && job.processDefinitionKey !== q.processDefinitionKey) {
    return false;
  }
  if (q.activityId !== undefined && job.activityId !== q.activityId) {
    return false;
  }
  if (q.withRetriesLeft === true && job.retries <= 0) {
    return false;
  }
  if (q.noRetriesLeft === true && job.retries > 0) {
    return false;
  }
  if (q.executable === true && (job.retries <= 0 || (job.dueDate !== null && job.dueDate > now))) {
    return false;
  }
  if (q.timers === true && !isTimerJob(job)) {
    return false;
  }
  if (q.messages === true && isTimerJob(job)) {
    return false;
  }
  if (q.dueBefore !== undefined && (job.dueDate === null || job.dueDate >= q.dueBefore)) {
    return false;
  }
  if (q.dueAfter !== undefined && (job.dueDate === null || job.dueDate <= q.dueAfter)) {
    return false;
  }
  if (q.withException === true && job.exceptionMessage === null) {
    return false;
  }
  if (q.exceptionMessage !== undefined && job.exceptionMessage !== q.exceptionMessage) {
    return false;
  }
  if (q.failedActivityId !== undefined && job.failedActivityId !== q.failedActivityId) {
    return false;
  }
  if (q.active === true && job.suspended) {
    return false;
  }
  if (q.suspended === true && !job.suspended) {
    return false;
  }
  if (q.priorityLowerThanOrEquals !== undefined && job.priority > q.priorityLowerThanOrEquals) {
    return false;
  }
  if (q.priorityHigherThanOrEquals !== undefined && job.priority < q.priorityHigherThanOrEquals) {
    return false;
  }
  return matchesTenant(job.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findJobs(
  engine: EngineApi,
  query: JobQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): JobRec[] {
  const now = engine.now();
  const matching = [...engine.jobs()].filter((job) => matchesJob(job, query, now));
  return sortAndPage(matching, sortings, JOB_SORT_KEYS, paging);
}

/** Field names as in Camunda's `JobDefinitionQueryDto`. */
export interface JobDefinitionQuery {
  jobDefinitionId?: string;
  activityIdIn?: string[];
  processDefinitionId?: string;
  processDefinitionKey?: string;
  jobType?: string;
  jobConfiguration?: string;
  active?: boolean;
  suspended?: boolean;
  withOverridingJobPriority?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const JOB_DEFINITION_SORT_KEYS: SortKeys<JobDefinitionRec> = {
  jobDefinitionId: (definition) => definition.id,
  activityId: (definition) => definition.activityId,
  processDefinitionId: (definition) => definition.processDefinitionId,
  processDefinitionKey: (definition) => definition.processDefinitionKey,
  jobType: (definition) => definition.jobType,
  jobConfiguration: (definition) => definition.jobConfiguration,
  tenantId: (definition) => definition.tenantId,
};

export function matchesJobDefinition(
  definition: JobDefinitionRec,
  query: JobDefinitionQuery,
): boolean {
  const q = query;
  if (q.jobDefinitionId !== undefined && definition.id !== q.jobDefinitionId) {
    return false;
  }
  if (q.activityIdIn?.length && !q.activityIdIn.includes(definition.activityId ?? '')) {
    return false;
  }
  if (
    q.processDefinitionId !== undefined &&
    definition.processDefinitionId !== q.processDefinitionId
  ) {
    return false;
  }
  if (
    q.processDefinitionKey !== undefined &&
    definition.processDefinitionKey !== q.processDefinitionKey
  ) {
    return false;
  }
  if (q.jobType !== undefined && definition.jobType !== q.jobType) {
    return false;
  }
  if (q.jobConfiguration !== undefined && definition.jobConfiguration !== q.jobConfiguration) {
    return false;
  }
  if (q.active === true && definition.suspended) {
    return false;
  }
  if (q.suspended === true && !definition.suspended) {
    return false;
  }
  if (q.withOverridingJobPriority === true && definition.overridingJobPriority === null) {
    return false;
  }
  return matchesTenant(definition.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findJobDefinitions(
  engine: EngineApi,
  query: JobDefinitionQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): JobDefinitionRec[] {
  const matching = [...engine.jobDefinitions()].filter((definition) =>
    matchesJobDefinition(definition, query),
  );
  return sortAndPage(matching, sortings, JOB_DEFINITION_SORT_KEYS, paging);
}
