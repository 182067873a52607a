/**
 * Tasks. Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { VariableValueDtoInput } from './variables';

/** `GET /task`, `GET /task/{id}` */
export interface TaskDto {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: string;
  lastUpdated: string | null;
  due: string | null;
  followUp: string | null;
  delegationState: string | null;
  description: string | null;
  executionId: string;
  parentTaskId: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  caseExecutionId: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  taskDefinitionKey: string;
  suspended: boolean;
  formKey: string | null;
  camundaFormRef: unknown;
  tenantId: string | null;
  taskState: string | null;
}

/** `POST /task/{id}/complete` */
export interface CompleteTaskDto {
  variables?: Record<string, VariableValueDtoInput> | null;
  withVariablesInReturn?: boolean | null;
}
