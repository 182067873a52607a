/**
 * `ProcessInstanceModificationInstructionDto` in a request: the JSON shape Jackson accepts, and
 * its translation into engine instructions. The translation is the engine's
 * (engine/modification/modification-request.ts), which the console's preview runs on the body it
 * sends; here its refusals become this layer's `InvalidRequestException`, as Camunda's
 * `ProcessInstanceModificationInstructionDto` subclasses throw it from `applyTo`.
 */
import { z } from 'zod';
import type { ModificationInstruction } from '../engine/modification/modification-instruction';
import {
  toModificationInstructions as translateInstructions,
  toProcessInstanceModification as translateModification,
} from '../engine/modification/modification-request';
import type {
  InstructionDtoInput,
  InstructionTarget,
  ModificationBodyInput,
  ProcessInstanceModification,
} from '../engine/modification/modification-request';
import { jsonBoolean, jsonString, triggerVariableMapSchema } from './request-body';
import { asRestRequestError } from './rest-errors';

/** The four instruction types; anything else cannot be mapped (400, empty message). */
export const instructionSchema = z.object({
  type: z.enum(['cancel', 'startBeforeActivity', 'startAfterActivity', 'startTransition']),
  activityId: jsonString.nullish(),
  transitionId: jsonString.nullish(),
  activityInstanceId: jsonString.nullish(),
  transitionInstanceId: jsonString.nullish(),
  ancestorActivityInstanceId: jsonString.nullish(),
  variables: triggerVariableMapSchema.nullish(),
  cancelCurrentActiveActivityInstances: jsonBoolean.nullish(),
});

export type InstructionInput = z.output<typeof instructionSchema>;

export const instructionListSchema = z.array(instructionSchema).nullish();

/** Converts instructions in order; the first invalid one throws a 400. */
export function toModificationInstructions(
  dtos: readonly InstructionDtoInput[] | null | undefined,
  target: InstructionTarget,
): ModificationInstruction[] {
  return asRestRequestError(() => translateInstructions(dtos, target));
}

/** The body of `/process-instance/{id}/modification(-async)`; the first invalid instruction throws a 400. */
export function toProcessInstanceModification(
  body: ModificationBodyInput,
): ProcessInstanceModification {
  return asRestRequestError(() => translateModification(body));
}
