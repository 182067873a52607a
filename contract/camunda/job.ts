/**
 * Jobs, job definitions, incidents and event subscriptions. Camunda 7 REST API types, named as in
 * its OpenAPI document (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */

/** `GET /job`, `GET /job/{id}` (Camunda's `JobDto`) */
export interface JobDto {
  id: string;
  jobDefinitionId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  executionId: string | null;
  exceptionMessage: string | null;
  failedActivityId: string | null;
  retries: number;
  dueDate: string | null;
  suspended: boolean;
  priority: number;
  tenantId: string | null;
  createTime: string | null;
  batchId: string | null;
}

/** `PUT /job/{id}/retries`, `PUT /job-definition/{id}/retries` */
export interface RetriesDto {
  retries: number;
  dueDate?: string | null;
}

/** `GET /job-definition` */
export interface JobDefinitionDto {
  id: string;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  activityId: string | null;
  jobType: string;
  jobConfiguration: string;
  overridingJobPriority: number | null;
  suspended: boolean;
  tenantId: string | null;
  deploymentId: string | null;
}

/** `GET /incident` */
export interface IncidentDto {
  id: string;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  incidentTimestamp: string;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  tenantId: string | null;
  incidentMessage: string | null;
  jobDefinitionId: string | null;
  annotation: string | null;
}

/** `GET /history/incident` entry (Camunda's `HistoricIncidentDto`). */
export interface HistoricIncidentDto {
  id: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  rootProcessInstanceId: string | null;
  createTime: string;
  endTime: string | null;
  removalTime: string | null;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  historyConfiguration: string | null;
  incidentMessage: string | null;
  tenantId: string | null;
  jobDefinitionId: string | null;
  open: boolean;
  deleted: boolean;
  resolved: boolean;
  annotation: string | null;
}

/** `GET /event-subscription` */
export interface EventSubscriptionDto {
  id: string;
  eventType: string;
  eventName: string | null;
  executionId: string | null;
  processInstanceId: string | null;
  activityId: string;
  createdDate: string;
  tenantId: string | null;
}
