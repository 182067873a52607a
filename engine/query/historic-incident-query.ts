/**
 * `GET /history/incident` filters and sort keys (HistoricIncidentQueryImpl, HistoricIncident.xml
 * `selectHistoricIncidentByQueryCriteriaSql`).
 */
import type { EngineApi } from '../engine-api';
import type { HistoricIncidentRec, HistoricIncidentState } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `HistoricIncidentQueryDto`; `state` stands for open/resolved/deleted. */
export interface HistoricIncidentQuery {
  incidentId?: string;
  incidentType?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processInstanceId?: string;
  executionId?: string;
  createTimeBefore?: number;
  createTimeAfter?: number;
  endTimeBefore?: number;
  endTimeAfter?: number;
  activityId?: string;
  failedActivityId?: string;
  causeIncidentId?: string;
  rootCauseIncidentId?: string;
  configuration?: string;
  historyConfiguration?: string;
  state?: HistoricIncidentState;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  jobDefinitionIdIn?: string[];
}

/** `INCIDENT_STATE_`, which `incidentState` sorts by. */
const STATE_CODES: Record<HistoricIncidentState, number> = { open: 0, resolved: 1, deleted: 2 };

export const HISTORIC_INCIDENT_SORT_KEYS: SortKeys<HistoricIncidentRec> = {
  incidentId: (incident) => incident.id,
  incidentMessage: (incident) => incident.incidentMessage,
  createTime: (incident) => incident.createTime,
  endTime: (incident) => incident.endTime,
  incidentType: (incident) => incident.incidentType,
  executionId: (incident) => incident.executionId,
  activityId: (incident) => incident.activityId,
  processInstanceId: (incident) => incident.processInstanceId,
  processDefinitionId: (incident) => incident.processDefinitionId,
  processDefinitionKey: (incident) => incident.processDefinitionKey,
  causeIncidentId: (incident) => incident.causeIncidentId,
  rootCauseIncidentId: (incident) => incident.rootCauseIncidentId,
  configuration: (incident) => incident.configuration,
  // Camunda writes the failure's historic job log id there; this engine keeps no job log.
  historyConfiguration: () => null,
  tenantId: (incident) => incident.tenantId,
  incidentState: (incident) => STATE_CODES[incident.state],
};

export function matchesHistoricIncident(
  incident: HistoricIncidentRec,
  query: HistoricIncidentQuery,
): boolean {
  const q = query;
  const equal: [string | undefined, string | null][] = [
    [q.incidentId, incident.id],
    [q.incidentType, incident.incidentType],
    [q.incidentMessage, incident.incidentMessage],
    [q.processDefinitionId, incident.processDefinitionId],
    [q.processDefinitionKey, incident.processDefinitionKey],
    [q.processInstanceId, incident.processInstanceId],
    [q.executionId, incident.executionId],
    [q.activityId, incident.activityId],
    [q.failedActivityId, incident.failedActivityId],
    [q.causeIncidentId, incident.causeIncidentId],
    [q.rootCauseIncidentId, incident.rootCauseIncidentId],
    [q.configuration, incident.configuration],
    [q.historyConfiguration, null],
  ];
  if (equal.some(([wanted, actual]) => wanted !== undefined && actual !== wanted)) {
    return false;
  }
  if (
    q.incidentMessageLike !== undefined &&
    !matchesLike(incident.incidentMessage, q.incidentMessageLike)
  ) {
    return false;
  }
  if (
    q.processDefinitionKeyIn?.length &&
    !q.processDefinitionKeyIn.includes(incident.processDefinitionKey ?? '')
  ) {
    return false;
  }
  // Exclusive bounds: the mapping compares with `<` and `>`; no end time matches no end bound.
  if (q.createTimeBefore !== undefined && !(incident.createTime < q.createTimeBefore)) {
    return false;
  }
  if (q.createTimeAfter !== undefined && !(incident.createTime > q.createTimeAfter)) {
    return false;
  }
  const end = incident.endTime;
  if (q.endTimeBefore !== undefined && (end === null || !(end < q.endTimeBefore))) {
    return false;
  }
  if (q.endTimeAfter !== undefined && (end === null || !(end > q.endTimeAfter))) {
    return false;
  }
  if (q.state !== undefined && incident.state !== q.state) {
    return false;
  }
  if (
    q.jobDefinitionIdIn?.length &&
    !q.jobDefinitionIdIn.includes(incident.jobDefinitionId ?? '')
  ) {
    return false;
  }
  return matchesTenant(incident.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findHistoricIncidents(
  engine: EngineApi,
  query: HistoricIncidentQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricIncidentRec[] {
  const matching = [...engine.historicIncidents()].filter((incident) =>
    matchesHistoricIncident(incident, query),
  );
  return sortAndPage(matching, sortings, HISTORIC_INCIDENT_SORT_KEYS, paging);
}
