/**
 * History: historic process and activity instances, variables, details and the user operation log.
 * Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { SortingDto } from './common';
import type { VariableQueryParameterDto, VariableValueDto, VariableValueType } from './variables';

export type HistoricProcessInstanceState =
  'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';

/** `GET /history/process-instance` */
export interface HistoricProcessInstanceDto {
  id: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: string;
  endTime: string | null;
  removalTime: string | null;
  durationInMillis: number | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
  rootProcessInstanceId: string;
  superProcessInstanceId: string | null;
  superCaseInstanceId: string | null;
  caseInstanceId: string | null;
  tenantId: string | null;
  state: HistoricProcessInstanceState;
  restartedProcessInstanceId: string | null;
}

/** `POST /history/process-instance` */
export interface HistoricProcessInstanceQueryDto {
  processInstanceId?: string | null;
  processInstanceIds?: string[] | null;
  processDefinitionId?: string | null;
  processDefinitionKey?: string | null;
  processDefinitionKeyIn?: string[] | null;
  processDefinitionName?: string | null;
  processDefinitionNameLike?: string | null;
  processInstanceBusinessKey?: string | null;
  processInstanceBusinessKeyLike?: string | null;
  rootProcessInstances?: boolean | null;
  finished?: boolean | null;
  unfinished?: boolean | null;
  withIncidents?: boolean | null;
  superProcessInstanceId?: string | null;
  subProcessInstanceId?: string | null;
  startedBy?: string | null;
  startedBefore?: string | null;
  startedAfter?: string | null;
  finishedBefore?: string | null;
  finishedAfter?: string | null;
  tenantIdIn?: string[] | null;
  withoutTenantId?: boolean | null;
  state?: HistoricProcessInstanceState | null;
  activeActivityIdIn?: string[] | null;
  activityIdIn?: string[] | null;
  executedActivityIdIn?: string[] | null;
  variables?: VariableQueryParameterDto[] | null;
  variableNamesIgnoreCase?: boolean | null;
  variableValuesIgnoreCase?: boolean | null;
  sorting?: SortingDto[] | null;
}

/** `GET /history/user-operation` (Camunda's `UserOperationLogEntryDto`) */
export interface UserOperationLogEntryDto {
  id: string;
  userId: string;
  timestamp: string;
  operationId: string;
  operationType: string;
  entityType: string;
  category: string;
  annotation: string | null;
  property: string | null;
  orgValue: string | null;
  newValue: string | null;
  deploymentId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  externalTaskId: string | null;
  batchId: string | null;
  jobId: string | null;
  jobDefinitionId: string | null;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}

/**
 * `GET /history/variable-instance` entry (Camunda's `HistoricVariableInstanceDto`): written from
 * history level audit on; `state` is `CREATED`, or `DELETED` once the variable was removed.
 */
export interface HistoricVariableInstanceDto extends VariableValueDto {
  id: string;
  name: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  activityInstanceId: string | null;
  caseDefinitionKey: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  errorMessage: string | null;
  tenantId: string | null;
  state: 'CREATED' | 'DELETED';
  createTime: string;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}

/**
 * `GET /history/detail` entry of type `variableUpdate` (Camunda's `HistoricVariableUpdateDto`):
 * one per variable write, written only at history level full.
 */
export interface HistoricVariableUpdateDto {
  type: 'variableUpdate';
  id: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  activityInstanceId: string | null;
  executionId: string | null;
  caseDefinitionKey: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  tenantId: string | null;
  /** The operation log entries of the operation that wrote it share this id. */
  userOperationId: string | null;
  time: string;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
  variableName: string;
  variableInstanceId: string;
  variableType: VariableValueType | null;
  value: unknown;
  valueInfo: Record<string, unknown> | null;
  initial: boolean;
  revision: number;
  errorMessage: string | null;
}

/** `GET /history/activity-instance` entry (Camunda's `HistoricActivityInstanceDto`). */
export interface HistoricActivityInstanceDto {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  /** e.g. `userTask`, `subProcess`, `multiInstanceBody`. */
  activityType: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  taskId: string | null;
  calledProcessInstanceId: string | null;
  calledCaseInstanceId: string | null;
  assignee: string | null;
  startTime: string;
  endTime: string | null;
  durationInMillis: number | null;
  /** True when the instance was cancelled (by a modification, an interrupting event, deletion). */
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}
