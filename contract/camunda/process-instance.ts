/**
 * Process instances and their activity instance trees. Camunda 7 REST API types, named as in its
 * OpenAPI document (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { AtomLink, SortingDto } from './common';
import type { ProcessInstanceModificationInstructionDto } from './modification-instruction';
import type { VariableMapDto, VariableQueryParameterDto, VariableValueDtoInput } from './variables';

/** `GET /process-instance`, `GET /process-instance/{id}` */
export interface ProcessInstanceDto {
  links: AtomLink[];
  id: string;
  definitionId: string;
  businessKey: string | null;
  caseInstanceId: string | null;
  /** Deprecated in Camunda: always false for running instances. */
  ended: boolean;
  suspended: boolean;
  tenantId: string | null;
}

/** Start response with `withVariablesInReturn: true`. */
export interface ProcessInstanceWithVariablesDto extends ProcessInstanceDto {
  variables: VariableMapDto;
}

/** `POST /process-definition/{id}/start`, `POST /process-definition/key/{key}/start` */
export interface StartProcessInstanceDto {
  businessKey?: string | null;
  caseInstanceId?: string | null;
  variables?: Record<string, VariableValueDtoInput> | null;
  startInstructions?: ProcessInstanceModificationInstructionDto[] | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  withVariablesInReturn?: boolean | null;
}

/** `PUT /process-instance/{id}/suspended` */
export interface ProcessInstanceSuspensionStateDto {
  suspended: boolean;
}

/** `POST /process-instance` (query in the body; paging stays in the URL). */
export interface ProcessInstanceQueryDto {
  deploymentId?: string | null;
  processDefinitionId?: string | null;
  processDefinitionKey?: string | null;
  processDefinitionKeyIn?: string[] | null;
  processDefinitionKeyNotIn?: string[] | null;
  businessKey?: string | null;
  businessKeyLike?: string | null;
  superProcessInstance?: string | null;
  subProcessInstance?: string | null;
  rootProcessInstances?: boolean | null;
  leafProcessInstances?: boolean | null;
  active?: boolean | null;
  suspended?: boolean | null;
  processInstanceIds?: string[] | null;
  withIncident?: boolean | null;
  incidentId?: string | null;
  incidentType?: string | null;
  incidentMessage?: string | null;
  incidentMessageLike?: string | null;
  tenantIdIn?: string[] | null;
  withoutTenantId?: boolean | null;
  activityIdIn?: string[] | null;
  variables?: VariableQueryParameterDto[] | null;
  sorting?: SortingDto[] | null;
}

/** `GET /process-instance/{id}/activity-instances` (Camunda's `ActivityInstanceDto`). */
export interface ActivityInstanceDto {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  childActivityInstances: ActivityInstanceDto[];
  childTransitionInstances: TransitionInstanceDto[];
  executionIds: string[];
  activityName: string | null;
  /** Deprecated alias of `activityName`. */
  name: string | null;
  incidentIds: string[];
  incidents: ActivityInstanceIncidentDto[];
}

/** A token waiting in an async continuation; its id is an execution id. */
export interface TransitionInstanceDto {
  id: string;
  parentActivityInstanceId: string;
  activityId: string;
  /** Deprecated alias of `activityId`. */
  targetActivityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  incidentIds: string[];
  incidents: ActivityInstanceIncidentDto[];
}

export interface ActivityInstanceIncidentDto {
  id: string;
  activityId: string;
}
