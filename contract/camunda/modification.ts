/**
 * Process instance modification: one instance (`/process-instance/{id}/modification`) and many
 * (`/modification/execute`). Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */
import type { HistoricProcessInstanceQueryDto } from './history';
import type { ProcessInstanceQueryDto } from './process-instance';
import type { ProcessInstanceModificationInstructionDto } from './modification-instruction';

/** `POST /process-instance/{id}/modification` and `…/modification-async` */
export interface ProcessInstanceModificationDto {
  instructions?: ProcessInstanceModificationInstructionDto[] | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  annotation?: string | null;
}

/** `POST /modification/execute` and `/modification/executeAsync` */
export interface ModificationDto {
  processDefinitionId?: string | null;
  instructions?: ProcessInstanceModificationInstructionDto[] | null;
  processInstanceIds?: (string | null)[] | null;
  processInstanceQuery?: ProcessInstanceQueryDto | null;
  historicProcessInstanceQuery?: HistoricProcessInstanceQueryDto | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  annotation?: string | null;
}
