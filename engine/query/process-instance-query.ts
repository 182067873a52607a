/** `GET /process-instance` filters and sort keys over the engine's running instances. */
import type { EngineApi } from '../engine-api';
import { innerActivityId, isBodyId } from '../runtime/runtime';
import type { OrderedIds } from '../runtime/sorted-ids';
import type { ProcessInstanceState } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import {
  candidatesById,
  matchesLike,
  matchesTenant,
  pageWhere,
  sortRecords,
} from './query-support';
import type { VariableCondition } from './variable-condition';
import { matchesVariables } from './variable-condition';

/** Field names as in Camunda's `ProcessInstanceQueryDto`. */
export interface ProcessInstanceQuery {
  processInstanceIds?: string[];
  deploymentId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionKeyNotIn?: string[];
  businessKey?: string;
  businessKeyLike?: string;
  superProcessInstance?: string;
  subProcessInstance?: string;
  rootProcessInstances?: boolean;
  leafProcessInstances?: boolean;
  active?: boolean;
  suspended?: boolean;
  withIncident?: boolean;
  incidentId?: string;
  incidentType?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  activityIdIn?: string[];
  variables?: VariableCondition[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
}

export function processInstanceSortKeys(engine: EngineApi): SortKeys<ProcessInstanceState> {
  return {
    instanceId: (pi) => pi.id,
    definitionKey: (pi) => engine.definition(pi.processDefinitionId)?.key,
    definitionId: (pi) => pi.processDefinitionId,
    tenantId: (pi) => pi.tenantId,
    businessKey: (pi) => pi.businessKey,
  };
}

/**
 * The activity ids the executions of an instance carry (Camunda's `ACT_ID_`), which runtime
 * `activityIdIn` compares (Execution.xml, `selectProcessInstanceByQueryCriteriaSql`:
 * `EXE.IS_EVENT_SCOPE_ = false and EXE.ACT_ID_ in (…)`, with no check of `IS_ACTIVE_`):
 * - a leaf activity instance: its execution is at the activity. An execution with children has no
 *   activity (PvmAtomicOperationCreateScope and PvmExecutionImpl.createConcurrentChildExecution
 *   set it to null), so a sub-process, an event sub-process or a multi-instance body whose tokens
 *   are inside matches nothing (HistoricProcessInstanceTest.testQueryByNonLeafActivityId);
 * - a token waiting at a parallel or inclusive join: its inactive execution stays at the gateway;
 * - a transition instance: asyncBefore leaves the execution at the activity it is about to enter
 *   (PvmAtomicOperationTransitionCreateScope is the asynchronous step), asyncAfter at the activity
 *   it left, a sub-process included (testQueryByAsyncBeforeActivityId,
 *   testQueryByAsyncAfterActivityId);
 * - a parallel multi-instance body with completed inner instances: each completed instance leaves
 *   an inactive concurrent execution at the inner activity until the body completes
 *   (ParallelMultiInstanceActivityBehavior.concurrentChildExecutionEnded), counted by the body's
 *   `nrOfCompletedInstances`.
 */
export function executionActivityIds(engine: EngineApi, pi: ProcessInstanceState): Set<string> {
  const parents = new Set<string>();
  for (const instance of Object.values(pi.activityInstances)) {
    if (instance.parentId !== null) {
      parents.add(instance.parentId);
    }
  }
  for (const transition of Object.values(pi.transitionInstances)) {
    parents.add(transition.parentId);
  }
  const model = engine.definition(pi.processDefinitionId)?.model;
  const ids = new Set<string>();
  for (const instance of Object.values(pi.activityInstances)) {
    if (instance.id === pi.id) {
      continue;
    }
    if (isBodyId(instance.activityId)) {
      // The body's own execution has no activity once its instances are created
      // (MultiInstanceActivityBehavior: prepareScopeExecution / performInstance).
      const inner = innerActivityId(instance.activityId);
      const completed = instance.variables?.nrOfCompletedInstances?.value.value;
      const parallel = model?.activities[inner]?.multiInstance?.sequential === false;
      if (parallel && typeof completed === 'number' && completed > 0) {
        ids.add(inner);
      }
    } else if (!parents.has(instance.id)) {
      ids.add(instance.activityId);
    }
  }
  for (const transition of Object.values(pi.transitionInstances)) {
    ids.add(transition.activityId);
  }
  return ids;
}

export function matchesProcessInstance(
  engine: EngineApi,
  pi: ProcessInstanceState,
  query: ProcessInstanceQuery,
): boolean {
  const q = query;
  if (q.processInstanceIds && !q.processInstanceIds.includes(pi.id)) {
    return false;
  }
  if (q.processDefinitionId !== undefined && pi.processDefinitionId !== q.processDefinitionId) {
    return false;
  }
  const definition = engine.definition(pi.processDefinitionId);
  if (q.deploymentId !== undefined && definition?.deploymentId !== q.deploymentId) {
    return false;
  }
  if (q.processDefinitionKey !== undefined && definition?.key !== q.processDefinitionKey) {
    return false;
  }
  if (q.processDefinitionKeyIn && !q.processDefinitionKeyIn.includes(definition?.key ?? '')) {
    return false;
  }
  if (q.processDefinitionKeyNotIn?.includes(definition?.key ?? '')) {
    return false;
  }
  if (q.businessKey !== undefined && pi.businessKey !== q.businessKey) {
    return false;
  }
  if (q.businessKeyLike !== undefined && !matchesLike(pi.businessKey, q.businessKeyLike)) {
    return false;
  }
  if (
    q.superProcessInstance !== undefined &&
    pi.superProcessInstanceId !== q.superProcessInstance
  ) {
    return false;
  }
  if (q.subProcessInstance !== undefined) {
    if (engine.instance(q.subProcessInstance)?.superProcessInstanceId !== pi.id) {
      return false;
    }
  }
  if (q.rootProcessInstances === true && pi.superProcessInstanceId !== null) {
    return false;
  }
  if (q.leafProcessInstances === true && hasCalledInstance(pi)) {
    return false;
  }
  if (q.active === true && pi.suspended) {
    return false;
  }
  if (q.suspended === true && !pi.suspended) {
    return false;
  }
  const incidents = Object.values(pi.incidents);
  if (q.withIncident === true && !incidents.length) {
    return false;
  }
  if (q.incidentId !== undefined && !incidents.some((i) => i.id === q.incidentId)) {
    return false;
  }
  if (q.incidentType !== undefined && !incidents.some((i) => i.incidentType === q.incidentType)) {
    return false;
  }
  if (
    q.incidentMessage !== undefined &&
    !incidents.some((i) => i.incidentMessage === q.incidentMessage)
  ) {
    return false;
  }
  if (
    q.incidentMessageLike !== undefined &&
    !incidents.some((i) => matchesLike(i.incidentMessage, q.incidentMessageLike ?? ''))
  ) {
    return false;
  }
  if (!matchesTenant(pi.tenantId, q.tenantIdIn, q.withoutTenantId)) {
    return false;
  }
  if (q.activityIdIn?.length) {
    const current = executionActivityIds(engine, pi);
    if (!q.activityIdIn.some((id) => current.has(id))) {
      return false;
    }
  }
  return matchesVariables(pi.activityInstances[pi.id]?.variables, q.variables, {
    namesIgnoreCase: q.variableNamesIgnoreCase,
    valuesIgnoreCase: q.variableValuesIgnoreCase,
  });
}

function hasCalledInstance(pi: ProcessInstanceState): boolean {
  return Object.values(pi.activityInstances).some(
    (instance) => instance.calledProcessInstanceId !== null,
  );
}

/**
 * The ids a list sorted by instance id first reads in order, of the query's definition or of all
 * (ids are unique, so a later sorting never decides); null for other orders, for a query by ids
 * (looked up directly) and for an engine without the index.
 */
function idOrder(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[],
): { ids: OrderedIds; descending: boolean } | null {
  const [first] = sortings;
  if (first?.sortBy !== 'instanceId' || query.processInstanceIds !== undefined) {
    return null;
  }
  const ids = engine.instanceIdsInOrder(query.processDefinitionId);
  return ids && { ids, descending: first.sortOrder === 'desc' };
}

/** Whether a filter besides `processDefinitionId` is set: only then does a match need a look. */
function filtersBeyondDefinition(query: ProcessInstanceQuery): boolean {
  return Object.entries(query).some(
    ([name, value]) => name !== 'processDefinitionId' && value !== undefined,
  );
}

/**
 * Sorted matches of recent queries, per version of the running instances (`instancesVersion`):
 * paging through a filtered list re-reads it for every page, and without a change in between
 * each page is a slice of the same sorted matches. A new version leaves the old entries to the
 * GC. What else a match depends on does not change under a version: a definition's key,
 * deployment and model are fixed, and a definition goes only after its instances.
 */
const sortedMatches = new WeakMap<object, Map<string, ProcessInstanceState[]>>();
/** Distinct queries kept per version: the lists and counts a few open consoles page through. */
const CACHED_QUERIES_PER_VERSION = 16;

function sortedProcessInstances(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[],
): readonly ProcessInstanceState[] {
  const version = engine.instancesVersion();
  let cache = sortedMatches.get(version);
  if (!cache) {
    cache = new Map();
    sortedMatches.set(version, cache);
  }
  const key = JSON.stringify([query, sortings]);
  let sorted = cache.get(key);
  if (!sorted) {
    const matches = (pi: ProcessInstanceState | undefined): pi is ProcessInstanceState =>
      pi !== undefined && matchesProcessInstance(engine, pi, query);
    const ordered = idOrder(engine, query, sortings);
    sorted = ordered
      ? Array.from(ordered.descending ? ordered.ids.descending() : ordered.ids, (id) =>
          engine.instance(id),
        ).filter(matches)
      : sortRecords(
          candidatesById(
            query,
            (id) => engine.instance(id),
            () => engine.instances(),
          ).filter(matches),
          sortings,
          processInstanceSortKeys(engine),
        );
    if (cache.size >= CACHED_QUERIES_PER_VERSION) {
      cache.clear();
    }
    cache.set(key, sorted);
  }
  return sorted;
}

/**
 * The instances of `engine` that match, sorted and paged. With `visible` (the user's READ filter
 * when `engine` reads everything), only the instances it accepts count for paging and results,
 * as Camunda adds the authorization check to the query's WHERE clause. A list of a definition (or
 * of all) sorted by id that everyone may read is a slice of the ordered ids.
 */
export function findProcessInstances(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
  visible?: (instance: ProcessInstanceState) => boolean,
): ProcessInstanceState[] {
  const ordered =
    visible || filtersBeyondDefinition(query) ? null : idOrder(engine, query, sortings);
  if (!ordered) {
    return pageWhere(sortedProcessInstances(engine, query, sortings), paging, visible);
  }
  return ordered.ids
    .slice(
      paging.firstResult ?? 0,
      paging.maxResults ?? Number.POSITIVE_INFINITY,
      ordered.descending,
    )
    .flatMap((id) => engine.instance(id) ?? []);
}

/** How many instances `findProcessInstances` finds without paging, counted without a list. */
export function countProcessInstances(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[] = [],
  visible?: (instance: ProcessInstanceState) => boolean,
): number {
  const ids =
    visible || filtersBeyondDefinition(query)
      ? null
      : engine.instanceIdsInOrder(query.processDefinitionId);
  if (ids) {
    return ids.size;
  }
  const matches = sortedProcessInstances(engine, query, sortings);
  return visible
    ? matches.reduce((count, pi) => (visible(pi) ? count + 1 : count), 0)
    : matches.length;
}
