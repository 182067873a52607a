/**
 * One modification instruction, as the four modification endpoints and the start instructions of
 * `POST /process-definition/{id}/start` take it. Camunda 7 REST API types, named as in its OpenAPI
 * document (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { TriggerVariableValueDto } from './variables';

export type ProcessInstanceModificationInstructionType =
  'cancel' | 'startBeforeActivity' | 'startAfterActivity' | 'startTransition';

/**
 * One instruction (`ProcessInstanceModificationInstructionDto`); which fields count depends on
 * `type`: Camunda's `ProcessInstanceModificationInstructionDto.applyTo` reads only the ids the
 * type needs, and `/modification/execute` only activity ids and
 * `cancelCurrentActiveActivityInstances`.
 */
export interface ProcessInstanceModificationInstructionDto {
  type: ProcessInstanceModificationInstructionType;
  activityId?: string | null;
  transitionId?: string | null;
  activityInstanceId?: string | null;
  transitionInstanceId?: string | null;
  ancestorActivityInstanceId?: string | null;
  variables?: Record<string, TriggerVariableValueDto> | null;
  /** Honoured only by `/modification/execute(Async)`. */
  cancelCurrentActiveActivityInstances?: boolean | null;
}
