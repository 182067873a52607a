/** `GET /process-instance` filters and sort keys over the engine's running instances. */
import type { EngineApi } from '../engine-api';
import type { ProcessInstanceState } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { candidatesById, matchesLike, matchesTenant, sortAndPage } from './query-support';
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

/** Activity ids an instance currently is at: its activity instances and waiting transitions. */
export function currentActivityIds(pi: ProcessInstanceState): Set<string> {
  const ids = new Set<string>();
  for (const instance of Object.values(pi.activityInstances)) {
    if (instance.id !== pi.id) {
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
    const current = currentActivityIds(pi);
    if (!q.activityIdIn.some((id) => current.has(id))) {
      return false;
    }
  }
  return matchesVariables(pi.activityInstances[pi.id]?.variables, q.variables);
}

function hasCalledInstance(pi: ProcessInstanceState): boolean {
  return Object.values(pi.activityInstances).some(
    (instance) => instance.calledProcessInstanceId !== null,
  );
}

export function findProcessInstances(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): ProcessInstanceState[] {
  const matching = candidatesById(
    query,
    (id) => engine.instance(id),
    () => engine.instances(),
  ).filter((pi) => matchesProcessInstance(engine, pi, query));
  return sortAndPage(matching, sortings, processInstanceSortKeys(engine), paging);
}
