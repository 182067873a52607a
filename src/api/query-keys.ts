/**
 * Query keys of what the console reads from the engine, one factory per REST resource, generic →
 * specific. Every key starts with its resource, so whoever changes engine state invalidates the
 * resources it changed (a modification: the instances, their batches, the operation log) without
 * knowing which feature reads them. Features compose these keys; keys hold query objects as they
 * are sent, so two reads of the same request share one cache entry.
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
 * `/process-instance`: the runtime instances, their lists and counts, and per instance its
 * activity instance tree and variables (`/variable-instance?processInstanceIdIn=`).
 */
export const processInstanceKeys = {
  all: ['process-instances'] as const,
  /** Every list and count: `POST /process-instance` and `POST /process-instance/count`. */
  lists: () => [...processInstanceKeys.all, 'list'] as const,
  list: (query: object, pageIndex: number) =>
    [...processInstanceKeys.lists(), 'page', query, { pageIndex }] as const,
  count: (query: object) => [...processInstanceKeys.lists(), 'count', query] as const,
  /** Everything read of one instance. */
  detail: (processInstanceId: string) =>
    [...processInstanceKeys.all, 'detail', processInstanceId] as const,
  activityInstances: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'activity-instances'] as const,
  variables: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'variables'] as const,
};

/** `GET /incident`, by its query parameters. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (query: object) => [...incidentKeys.all, 'list', query] as const,
};

/** `/job`: lists by query parameters, and stack traces. */
export const jobKeys = {
  all: ['jobs'] as const,
  list: (query: object) => [...jobKeys.all, 'list', query] as const,
  stacktrace: (jobId: string) => [...jobKeys.all, 'stacktrace', jobId] as const,
};

/** `/history/process-instance` and `/history/activity-instance`: what instances did. */
export const historyKeys = {
  all: ['history'] as const,
  processInstance: (processInstanceId: string) =>
    [...historyKeys.all, 'process-instance', processInstanceId] as const,
  activityInstances: (query: object) => [...historyKeys.all, 'activity-instance', query] as const,
};

/**
 * What a change to process instances (a modification, sync or async) can change of what is read
 * about them: their runtime state, incidents, jobs and history.
 */
export const processInstanceStateKeys = [
  processInstanceKeys.all,
  incidentKeys.all,
  jobKeys.all,
  historyKeys.all,
] as const;

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
 * What a change to batches (suspend, activate, delete, retry of their jobs) can change of what
 * is read about them: the batches, their history, and their jobs.
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
