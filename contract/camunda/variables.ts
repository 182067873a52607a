/**
 * Variables: typed values, variable maps and variable instances. Camunda 7 REST API types, named as
 * in its OpenAPI document (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */

/** Camunda's value type names as the REST API spells them. */
export type VariableValueType =
  | 'String'
  | 'Integer'
  | 'Long'
  | 'Short'
  | 'Double'
  | 'Boolean'
  | 'Date'
  | 'Json'
  | 'Xml'
  | 'Null'
  | 'Object'
  | 'Bytes'
  | 'File';

/**
 * A typed variable value. In requests `type` may be omitted (it is then inferred from the JSON
 * value); `Date` values are Camunda date strings, `Json` values are JSON text.
 */
export interface VariableValueDto {
  value: unknown;
  type: VariableValueType | null;
  valueInfo: Record<string, unknown> | null;
}

/** A request variable; the map key is the variable name. */
export type VariableValueDtoInput = Partial<VariableValueDto>;

/** Variables given with a start instruction; `local` creates them on the new activity's scope. */
export interface TriggerVariableValueDto extends VariableValueDtoInput {
  local?: boolean;
}

export type VariableMapDto = Record<string, VariableValueDto>;

/** `POST /process-instance/{id}/variables` */
export interface PatchVariablesDto {
  modifications?: Record<string, VariableValueDtoInput> | null;
  deletions?: string[] | null;
}

/** `GET /variable-instance` */
export interface VariableInstanceDto extends VariableValueDto {
  id: string;
  name: string;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  batchId: string | null;
  activityInstanceId: string | null;
  errorMessage: string | null;
  tenantId: string | null;
}

/** One condition of `variables` in a query body; GET lists use `name_op_value`. */
export interface VariableQueryParameterDto {
  name: string;
  operator: 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';
  value: unknown;
}
