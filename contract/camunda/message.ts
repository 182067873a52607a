/**
 * Message correlation and signals. Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { ProcessInstanceDto } from './process-instance';
import type { VariableMapDto, VariableValueDtoInput } from './variables';

/** `POST /message` */
export interface CorrelationMessageDto {
  messageName: string;
  businessKey?: string | null;
  tenantId?: string | null;
  withoutTenantId?: boolean | null;
  processInstanceId?: string | null;
  correlationKeys?: Record<string, VariableValueDtoInput> | null;
  localCorrelationKeys?: Record<string, VariableValueDtoInput> | null;
  processVariables?: Record<string, VariableValueDtoInput> | null;
  processVariablesLocal?: Record<string, VariableValueDtoInput> | null;
  all?: boolean | null;
  resultEnabled?: boolean | null;
  variablesInResultEnabled?: boolean | null;
}

/** `ExecutionDto`, as embedded in message correlation results. */
export interface ExecutionDto {
  id: string;
  processInstanceId: string;
  ended: boolean;
  tenantId: string | null;
}

/** One entry of the `POST /message` response with `resultEnabled: true`. */
export interface MessageCorrelationResultWithVariableDto {
  resultType: 'Execution' | 'ProcessDefinition';
  processInstance: ProcessInstanceDto | null;
  execution: ExecutionDto | null;
  variables?: VariableMapDto | null;
}

/** `POST /signal` */
export interface SignalDto {
  name: string;
  executionId?: string | null;
  variables?: Record<string, VariableValueDtoInput> | null;
  tenantId?: string | null;
  withoutTenantId?: boolean | null;
}
