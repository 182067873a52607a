/**
 * `GET /history/process-instance`, `/history/activity-instance` and `/history/user-operation`
 * filters and sort keys.
 */
import type { EngineApi } from '../engine-api';
import type {
  HistoricActivityInstanceRec,
  HistoricIncidentRec,
  HistoricProcessInstanceRec,
  HistoricProcessInstanceState,
  HistoricVariableInstanceRec,
  UserOperationLogRec,
} from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { candidatesById, matchesLike, matchesTenant, sortAndPage } from './query-support';
import type { VariableCondition } from './variable-condition';
import { matchesHistoricVariables } from './variable-condition';

/** Field names as in Camunda's `HistoricProcessInstanceQueryDto`. */
export interface HistoricProcessInstanceQuery {
  processInstanceId?: string;
  processInstanceIds?: string[];
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionKeyNotIn?: string[];
  processDefinitionName?: string;
  processDefinitionNameLike?: string;
  processInstanceBusinessKey?: string;
  processInstanceBusinessKeyLike?: string;
  rootProcessInstances?: boolean;
  finished?: boolean;
  unfinished?: boolean;
  withIncidents?: boolean;
  superProcessInstanceId?: string;
  subProcessInstanceId?: string;
  startedBy?: string;
  startedBefore?: number;
  startedAfter?: number;
  finishedBefore?: number;
  finishedAfter?: number;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  state?: HistoricProcessInstanceState;
  activeActivityIdIn?: string[];
  activityIdIn?: string[];
  executedActivityIdIn?: string[];
  variables?: VariableCondition[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
}

/** Each process instance's historic activity instances, gathered once per query. */
export type HistoricActivitiesByInstance = ReadonlyMap<
  string,
  readonly HistoricActivityInstanceRec[]
>;

/**
 * Each process instance's historic variable instances (history level audit and above), which the
 * `variables` conditions match: every scope's, task variables and removed (DELETED) ones
 * included, as HistoricProcessInstance.xml joins `ACT_HI_VARINST` by process instance alone.
 */
export type HistoricVariablesByInstance = ReadonlyMap<
  string,
  readonly HistoricVariableInstanceRec[]
>;

/**
 * Each process instance's historic incidents (history level full), resolved and deleted ones
 * included: `withIncidents` and `activityIdIn` match what ever had an incident.
 */
export type HistoricIncidentsByInstance = ReadonlyMap<string, readonly HistoricIncidentRec[]>;

function byProcessInstance<T extends { processInstanceId: string | null }>(
  records: Iterable<T>,
): Map<string, T[]> {
  const byInstance = new Map<string, T[]>();
  for (const record of records) {
    if (record.processInstanceId === null) {
      continue;
    }
    const list = byInstance.get(record.processInstanceId);
    if (list) {
      list.push(record);
    } else {
      byInstance.set(record.processInstanceId, [record]);
    }
  }
  return byInstance;
}

function needsActivities(q: HistoricProcessInstanceQuery): boolean {
  return Boolean(
    q.activeActivityIdIn?.length || q.activityIdIn?.length || q.executedActivityIdIn?.length,
  );
}

/**
 * The activity filters of Camunda's `HistoricProcessInstanceQuery`, as HistoricProcessInstance.xml
 * evaluates them: `ACT_HI_ACTINST` is joined once (`HAI`) and, for `activityIdIn`, the historic
 * incidents once (`INCACT`), so one historic activity instance (and one incident) must meet every
 * given filter together:
 * - `activeActivityIdIn`: `HAI.END_TIME_ IS NULL AND HAI.ACT_ID_ IN (…)`;
 * - `executedActivityIdIn`: `HAI.END_TIME_ IS NOT NULL AND HAI.ACT_ID_ IN (…)`;
 * - `activityIdIn` (new in 7.22, HistoricProcessInstance.xml of tag 7.22.0,
 *   `selectHistoricProcessInstanceWhereSql`): `(HAI.END_TIME_ IS NULL AND HAI.ACT_ID_ IN (…)) OR
 *   INCACT.ACTIVITY_ID_ IN (…)`, with `LEFT JOIN ACT_HI_INCIDENT INCACT on SELF.PROC_INST_ID_ =
 *   INCACT.PROC_INST_ID_`: an active activity, or one that has or had an incident (a failing
 *   asynchronous continuation has no historic activity instance yet). The incident's
 *   ACTIVITY_ID_ is where the job's execution is, not the activity that threw
 *   (shouldQueryByActivityIdWhereIncidentOccurred). 7.23 joins ACT_RU_EXECUTION instead
 *   (fab8185070, camunda-bpm-platform#4757), which this engine does not follow.
 * Every activity instance has a historic one (sub-processes, multi-instance bodies, waiting
 * joins), but a token waiting in an asyncBefore continuation has none until its job runs.
 */
function matchesActivityFilters(
  q: HistoricProcessInstanceQuery,
  activities: readonly HistoricActivityInstanceRec[],
  incidentActivityIds: readonly (string | null)[],
): boolean {
  const { activeActivityIdIn: active, executedActivityIdIn: executed, activityIdIn: any } = q;
  const unfinishedIn = (ai: HistoricActivityInstanceRec | null, ids: readonly string[]) =>
    ai !== null && ai.endTime === null && ids.includes(ai.activityId);
  // A LEFT JOIN without a matching row yields one row of nulls.
  const rows = activities.length ? activities : [null];
  const incidents = any?.length && incidentActivityIds.length ? incidentActivityIds : [null];
  return rows.some((ai) =>
    incidents.some(
      (incidentActivityId) =>
        (!active?.length || unfinishedIn(ai, active)) &&
        (!executed?.length ||
          (ai !== null && ai.endTime !== null && executed.includes(ai.activityId))) &&
        (!any?.length ||
          unfinishedIn(ai, any) ||
          (incidentActivityId !== null && any.includes(incidentActivityId))),
    ),
  );
}

export const HISTORIC_PROCESS_INSTANCE_SORT_KEYS: SortKeys<HistoricProcessInstanceRec> = {
  instanceId: (pi) => pi.id,
  definitionId: (pi) => pi.processDefinitionId,
  definitionKey: (pi) => pi.processDefinitionKey,
  definitionName: (pi) => pi.processDefinitionName,
  definitionVersion: (pi) => pi.processDefinitionVersion,
  businessKey: (pi) => pi.businessKey,
  startTime: (pi) => pi.startTime,
  endTime: (pi) => pi.endTime,
  duration: (pi) => (pi.endTime === null ? null : pi.endTime - pi.startTime),
  tenantId: (pi) => pi.tenantId,
};

export function matchesHistoricProcessInstance(
  engine: EngineApi,
  pi: HistoricProcessInstanceRec,
  query: HistoricProcessInstanceQuery,
  activities: HistoricActivitiesByInstance = new Map(),
  historicVariables: HistoricVariablesByInstance = new Map(),
  incidents: HistoricIncidentsByInstance = new Map(),
): boolean {
  const q = query;
  if (q.processInstanceId !== undefined && pi.id !== q.processInstanceId) {
    return false;
  }
  if (q.processInstanceIds && !q.processInstanceIds.includes(pi.id)) {
    return false;
  }
  if (q.processDefinitionId !== undefined && pi.processDefinitionId !== q.processDefinitionId) {
    return false;
  }
  if (q.processDefinitionKey !== undefined && pi.processDefinitionKey !== q.processDefinitionKey) {
    return false;
  }
  if (q.processDefinitionKeyIn && !q.processDefinitionKeyIn.includes(pi.processDefinitionKey)) {
    return false;
  }
  if (q.processDefinitionKeyNotIn?.includes(pi.processDefinitionKey)) {
    return false;
  }
  if (
    q.processDefinitionName !== undefined &&
    pi.processDefinitionName !== q.processDefinitionName
  ) {
    return false;
  }
  if (
    q.processDefinitionNameLike !== undefined &&
    !matchesLike(pi.processDefinitionName, q.processDefinitionNameLike)
  ) {
    return false;
  }
  if (
    q.processInstanceBusinessKey !== undefined &&
    pi.businessKey !== q.processInstanceBusinessKey
  ) {
    return false;
  }
  if (
    q.processInstanceBusinessKeyLike !== undefined &&
    !matchesLike(pi.businessKey, q.processInstanceBusinessKeyLike)
  ) {
    return false;
  }
  if (q.rootProcessInstances === true && pi.superProcessInstanceId !== null) {
    return false;
  }
  if (q.finished === true && pi.endTime === null) {
    return false;
  }
  if (q.unfinished === true && pi.endTime !== null) {
    return false;
  }
  // An inner join of ACT_HI_INCIDENT: an instance that has or had an incident.
  if (q.withIncidents === true && !incidents.get(pi.id)?.length) {
    return false;
  }
  if (
    q.superProcessInstanceId !== undefined &&
    pi.superProcessInstanceId !== q.superProcessInstanceId
  ) {
    return false;
  }
  if (q.subProcessInstanceId !== undefined) {
    if (engine.historicProcessInstance(q.subProcessInstanceId)?.superProcessInstanceId !== pi.id) {
      return false;
    }
  }
  if (q.startedBy !== undefined && pi.startUserId !== q.startedBy) {
    return false;
  }
  if (q.startedBefore !== undefined && pi.startTime > q.startedBefore) {
    return false;
  }
  if (q.startedAfter !== undefined && pi.startTime < q.startedAfter) {
    return false;
  }
  if (q.finishedBefore !== undefined && (pi.endTime === null || pi.endTime > q.finishedBefore)) {
    return false;
  }
  if (q.finishedAfter !== undefined && (pi.endTime === null || pi.endTime < q.finishedAfter)) {
    return false;
  }
  if (q.state !== undefined && pi.state !== q.state) {
    return false;
  }
  if (
    needsActivities(q) &&
    !matchesActivityFilters(
      q,
      activities.get(pi.id) ?? [],
      (incidents.get(pi.id) ?? []).map((incident) => incident.activityId),
    )
  ) {
    return false;
  }
  if (
    q.variables?.length &&
    !matchesHistoricVariables(historicVariables.get(pi.id) ?? [], q.variables, {
      namesIgnoreCase: q.variableNamesIgnoreCase,
      valuesIgnoreCase: q.variableValuesIgnoreCase,
    })
  ) {
    return false;
  }
  return matchesTenant(pi.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findHistoricProcessInstances(
  engine: EngineApi,
  query: HistoricProcessInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricProcessInstanceRec[] {
  const activities = needsActivities(query)
    ? byProcessInstance(engine.historicActivityInstances())
    : new Map();
  const variables = query.variables?.length
    ? byProcessInstance(engine.historicVariableInstances())
    : new Map();
  const incidents =
    query.activityIdIn?.length || query.withIncidents === true
      ? byProcessInstance(engine.historicIncidents())
      : new Map();
  const matching = candidatesById(
    query,
    (id) => engine.historicProcessInstance(id),
    () => engine.historicProcessInstances(),
  ).filter((pi) =>
    matchesHistoricProcessInstance(engine, pi, query, activities, variables, incidents),
  );
  return sortAndPage(matching, sortings, HISTORIC_PROCESS_INSTANCE_SORT_KEYS, paging);
}

/** Field names as in Camunda's `UserOperationLogQueryDto`. */
export interface UserOperationLogQuery {
  deploymentId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processInstanceId?: string;
  executionId?: string;
  taskId?: string;
  batchId?: string;
  jobId?: string;
  jobDefinitionId?: string;
  userId?: string;
  operationId?: string;
  operationType?: string;
  entityType?: string;
  entityTypeIn?: string[];
  category?: string;
  categoryIn?: string[];
  property?: string;
  afterTimestamp?: number;
  beforeTimestamp?: number;
}

export const USER_OPERATION_LOG_SORT_KEYS: SortKeys<UserOperationLogRec> = {
  timestamp: (entry) => entry.timestamp,
};

export function matchesUserOperationLogEntry(
  entry: UserOperationLogRec,
  query: UserOperationLogQuery,
): boolean {
  const q = query;
  const equalFields = [
    'deploymentId',
    'processDefinitionId',
    'processDefinitionKey',
    'processInstanceId',
    'executionId',
    'taskId',
    'batchId',
    'jobId',
    'jobDefinitionId',
    'userId',
    'operationId',
    'operationType',
    'entityType',
    'category',
    'property',
  ] as const;
  for (const field of equalFields) {
    if (q[field] !== undefined && entry[field] !== q[field]) {
      return false;
    }
  }
  if (q.entityTypeIn && !q.entityTypeIn.includes(entry.entityType)) {
    return false;
  }
  if (q.categoryIn && !q.categoryIn.includes(entry.category)) {
    return false;
  }
  if (q.afterTimestamp !== undefined && entry.timestamp <= q.afterTimestamp) {
    return false;
  }
  if (q.beforeTimestamp !== undefined && entry.timestamp >= q.beforeTimestamp) {
    return false;
  }
  return true;
}

export function findUserOperationLogEntries(
  engine: EngineApi,
  query: UserOperationLogQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): UserOperationLogRec[] {
  const matching = [...engine.userOperationLog()].filter((entry) =>
    matchesUserOperationLogEntry(entry, query),
  );
  return sortAndPage(matching, sortings, USER_OPERATION_LOG_SORT_KEYS, paging);
}

/** Field names as in Camunda's `HistoricActivityInstanceQueryDto`. */
export interface HistoricActivityInstanceQuery {
  activityInstanceId?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
  executionId?: string;
  activityId?: string;
  activityName?: string;
  activityNameLike?: string;
  activityType?: string;
  taskAssignee?: string;
  finished?: boolean;
  unfinished?: boolean;
  canceled?: boolean;
  completeScope?: boolean;
  startedBefore?: number;
  startedAfter?: number;
  finishedBefore?: number;
  finishedAfter?: number;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

/** Camunda's sort keys; `occurrence` is the order in which the instances were created. */
export const HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS: SortKeys<HistoricActivityInstanceRec> = {
  activityInstanceId: (ai) => ai.id,
  instanceId: (ai) => ai.processInstanceId,
  executionId: (ai) => ai.executionId,
  activityId: (ai) => ai.activityId,
  activityName: (ai) => ai.activityName,
  activityType: (ai) => ai.activityType,
  startTime: (ai) => ai.startTime,
  endTime: (ai) => ai.endTime,
  duration: (ai) => (ai.endTime === null ? null : ai.endTime - ai.startTime),
  definitionId: (ai) => ai.processDefinitionId,
  occurrence: (ai) => ai.seq,
  tenantId: (ai) => ai.tenantId,
};

export function matchesHistoricActivityInstance(
  ai: HistoricActivityInstanceRec,
  query: HistoricActivityInstanceQuery,
): boolean {
  const q = query;
  const equal: [string | undefined, string | null][] = [
    [q.activityInstanceId, ai.id],
    [q.processInstanceId, ai.processInstanceId],
    [q.processDefinitionId, ai.processDefinitionId],
    [q.executionId, ai.executionId],
    [q.activityId, ai.activityId],
    [q.activityName, ai.activityName],
    [q.activityType, ai.activityType],
    [q.taskAssignee, ai.assignee],
  ];
  if (equal.some(([wanted, actual]) => wanted !== undefined && actual !== wanted)) {
    return false;
  }
  if (q.activityNameLike !== undefined && !matchesLike(ai.activityName, q.activityNameLike)) {
    return false;
  }
  if (q.finished === true && ai.endTime === null) {
    return false;
  }
  if (q.unfinished === true && ai.endTime !== null) {
    return false;
  }
  // As in Camunda's query DTO, only `true` restricts: `canceled=false` is no filter at all.
  if (q.canceled === true && !ai.canceled) {
    return false;
  }
  if (q.completeScope === true && !ai.completeScope) {
    return false;
  }
  // Inclusive bounds, as the `<=`/`>=` of Camunda's MyBatis mapping.
  if (q.startedBefore !== undefined && ai.startTime > q.startedBefore) {
    return false;
  }
  if (q.startedAfter !== undefined && ai.startTime < q.startedAfter) {
    return false;
  }
  if (q.finishedBefore !== undefined && (ai.endTime === null || ai.endTime > q.finishedBefore)) {
    return false;
  }
  if (q.finishedAfter !== undefined && (ai.endTime === null || ai.endTime < q.finishedAfter)) {
    return false;
  }
  return matchesTenant(ai.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findHistoricActivityInstances(
  engine: EngineApi,
  query: HistoricActivityInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricActivityInstanceRec[] {
  const matching = [...engine.historicActivityInstances()].filter((ai) =>
    matchesHistoricActivityInstance(ai, query),
  );
  return sortAndPage(matching, sortings, HISTORIC_ACTIVITY_INSTANCE_SORT_KEYS, paging);
}
