import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Query keys of what the console reads from the engine, one factory per REST resource, generic →
 * specific. Every key starts with its resource, so whoever changes engine state invalidates the
 * resources it changed (a modification: the instances, batches, the operation log) without
 * knowing which feature reads them. Features compose these keys; keys that hold a request's query
 * hold it as it is sent, so two reads of the same request share one cache entry.
 */

/** `GET /engine`: the engines the server offers. */
export const engineKeys = {
  all: ['engines'] as const,
  list: () => [...engineKeys.all, 'list'] as const,
};

/** `/process-definition`: definitions, their statistics and their BPMN XML. */
export const processDefinitionKeys = {
  all: ['process-definitions'] as const,
  statistics: () => [...processDefinitionKeys.all, 'statistics'] as const,
  /** Everything read of one definition. */
  detail: (processDefinitionId: string) =>
    [...processDefinitionKeys.all, 'detail', processDefinitionId] as const,
  xml: (processDefinitionId: string) =>
    [...processDefinitionKeys.detail(processDefinitionId), 'xml'] as const,
};

/**
 * Process instances: the runtime lists and counts (`POST /process-instance`, `…/count`), and per
 * instance everything read about it, whichever resource answers (its activity instance tree,
 * variables, incidents, jobs and history), so that one prefix refreshes it all after a change.
 */
export const processInstanceKeys = {
  all: ['process-instances'] as const,
  /** Every list and count. */
  lists: () => [...processInstanceKeys.all, 'list'] as const,
  list: (query: object, pageIndex: number) =>
    [...processInstanceKeys.lists(), 'page', query, { pageIndex }] as const,
  count: (query: object) => [...processInstanceKeys.lists(), 'count', query] as const,
  /** `GET /process-instance/{id}`, and the prefix of everything read about the instance. */
  detail: (processInstanceId: string) =>
    [...processInstanceKeys.all, 'detail', processInstanceId] as const,
  activityInstances: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'activity-instances'] as const,
  /** `GET /variable-instance?processInstanceIdIn=`. */
  variables: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'variables'] as const,
  /** `GET /incident?processInstanceId=`. */
  incidents: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'incidents'] as const,
  /** `GET /job?processInstanceId=`. */
  jobs: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'jobs'] as const,
  /** `GET /history/process-instance/{id}`. */
  history: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'history'] as const,
  /** `GET /history/activity-instance` with `query`, which names the instance. */
  activityHistory: (query: { processInstanceId: string }) =>
    [...processInstanceKeys.detail(query.processInstanceId), 'activity-history', query] as const,
};

/** `/job`: the jobs of a job definition, and stack traces. */
export const jobKeys = {
  all: ['jobs'] as const,
  list: (query: { jobDefinitionId: string }) => [...jobKeys.all, 'list', query] as const,
  stacktrace: (jobId: string) => [...jobKeys.all, 'stacktrace', jobId] as const,
};

/** `/batch`: running batches and their statistics. */
export const batchKeys = {
  all: ['batches'] as const,
  /** `GET /batch/statistics`: every running batch with its progress. */
  statistics: () => [...batchKeys.all, 'statistics'] as const,
  /** Everything read of one batch. */
  detail: (batchId: string) => [...batchKeys.all, 'detail', batchId] as const,
};

/** `GET /history/batch`: batches as history keeps them, finished ones included. */
export const historicBatchKeys = {
  all: ['historic-batches'] as const,
  lists: () => [...historicBatchKeys.all, 'list'] as const,
  list: (query: object) => [...historicBatchKeys.lists(), query] as const,
};

/**
 * What a change to batches (suspend, activate, delete, a retry of their jobs) or the creation of
 * one can change of what is read about them: the batches, their history and their jobs.
 */
export const batchStateKeys = [batchKeys.all, historicBatchKeys.all, jobKeys.all] as const;

/** `/history/user-operation`: the user operation log. */
export const operationLogKeys = {
  all: ['operation-log'] as const,
  /** Every read of the log's entries: annotation changes invalidate this prefix. */
  entries: () => [...operationLogKeys.all, 'entries'] as const,
  list: (filters: object) => [...operationLogKeys.entries(), 'list', filters] as const,
  count: (filters: object) => [...operationLogKeys.entries(), 'count', filters] as const,
  around: (processInstanceId: string, timestamp: string) =>
    [...operationLogKeys.entries(), 'around', { processInstanceId, timestamp }] as const,
};

/**
 * Invalidates every query under any of `prefixes`, as a mutation's `onSuccess` does with the
 * resources it changed; resolves once the active ones have refetched.
 */
export async function invalidateResources(
  queryClient: QueryClient,
  prefixes: readonly QueryKey[],
): Promise<void> {
  await Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
