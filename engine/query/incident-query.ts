/** `GET /incident` filters and sort keys. */
import type { EngineApi } from '../engine-api';
import type { IncidentRec } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `IncidentQueryDto`. */
export interface IncidentQuery {
  incidentId?: string;
  incidentType?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  processDefinitionId?: string;
  processDefinitionKeyIn?: string[];
  processInstanceId?: string;
  executionId?: string;
  incidentTimestampBefore?: number;
  incidentTimestampAfter?: number;
  activityId?: string;
  failedActivityId?: string;
  causeIncidentId?: string;
  rootCauseIncidentId?: string;
  configuration?: string;
  jobDefinitionIdIn?: string[];
  tenantIdIn?: string[];
}

export const INCIDENT_SORT_KEYS: SortKeys<IncidentRec> = {
  incidentId: (incident) => incident.id,
  incidentMessage: (incident) => incident.incidentMessage,
  incidentTimestamp: (incident) => incident.incidentTimestamp,
  incidentType: (incident) => incident.incidentType,
  executionId: (incident) => incident.executionId,
  activityId: (incident) => incident.activityId,
  processInstanceId: (incident) => incident.processInstanceId,
  processDefinitionId: (incident) => incident.processDefinitionId,
  causeIncidentId: (incident) => incident.causeIncidentId,
  rootCauseIncidentId: (incident) => incident.rootCauseIncidentId,
  configuration: (incident) => incident.configuration,
  tenantId: (incident) => incident.tenantId,
};

export function matchesIncident(
  engine: EngineApi,
  incident: IncidentRec,
  query: IncidentQuery,
): boolean {
  const q = query;
  if (q.incidentId !== undefined && incident.id !== q.incidentId) {
    return false;
  }
  if (q.incidentType !== undefined && incident.incidentType !== q.incidentType) {
    return false;
  }
  if (q.incidentMessage !== undefined && incident.incidentMessage !== q.incidentMessage) {
    return false;
  }
  if (
    q.incidentMessageLike !== undefined &&
    !matchesLike(incident.incidentMessage, q.incidentMessageLike)
  ) {
    return false;
  }
  if (
    q.processDefinitionId !== undefined &&
    incident.processDefinitionId !== q.processDefinitionId
  ) {
    return false;
  }
  if (q.processDefinitionKeyIn) {
    const key = incident.processDefinitionId
      ? engine.definition(incident.processDefinitionId)?.key
      : undefined;
    if (!q.processDefinitionKeyIn.includes(key ?? '')) {
      return false;
    }
  }
  if (q.processInstanceId !== undefined && incident.processInstanceId !== q.processInstanceId) {
    return false;
  }
  if (q.executionId !== undefined && incident.executionId !== q.executionId) {
    return false;
  }
  if (
    q.incidentTimestampBefore !== undefined &&
    incident.incidentTimestamp >= q.incidentTimestampBefore
  ) {
    return false;
  }
  if (
    q.incidentTimestampAfter !== undefined &&
    incident.incidentTimestamp <= q.incidentTimestampAfter
  ) {
    return false;
  }
  if (q.activityId !== undefined && incident.activityId !== q.activityId) {
    return false;
  }
  if (q.failedActivityId !== undefined && incident.failedActivityId !== q.failedActivityId) {
    return false;
  }
  if (q.causeIncidentId !== undefined && incident.causeIncidentId !== q.causeIncidentId) {
    return false;
  }
  if (
    q.rootCauseIncidentId !== undefined &&
    incident.rootCauseIncidentId !== q.rootCauseIncidentId
  ) {
    return false;
  }
  if (q.configuration !== undefined && incident.configuration !== q.configuration) {
    return false;
  }
  if (q.jobDefinitionIdIn && !q.jobDefinitionIdIn.includes(incident.jobDefinitionId ?? '')) {
    return false;
  }
  return matchesTenant(incident.tenantId, q.tenantIdIn, undefined);
}

export function findIncidents(
  engine: EngineApi,
  query: IncidentQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): IncidentRec[] {
  const matching = [...engine.incidents()].filter((incident) =>
    matchesIncident(engine, incident, query),
  );
  return sortAndPage(matching, sortings, INCIDENT_SORT_KEYS, paging);
}
