/**
 * `ProcessInstanceModificationInstructionDto` → engine instructions, with the REST layer's checks
 * and messages (contract §2.1). Instructions are converted in order; the first failing one decides.
 */
import { z } from 'zod';
import type { InstructionVariable, ModificationInstruction } from '../engine/engine-api';
import { jsonBoolean, jsonString, triggerVariableMapSchema } from './request-body';
import { InvalidRequestException } from './rest-errors';
import { toTypedValue } from './variable-values';

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

/**
 * Where instructions are applied, which decides what they may contain:
 * - `processInstance`: `/process-instance/{id}/modification(-async)`, every field counts;
 * - `modificationExecute`: `/modification/execute(Async)`, only activity/transition ids and
 *   `cancelCurrentActiveActivityInstances` count, and a cancel needs `activityId`;
 * - `instantiation`: `startInstructions` of a process start, where a cancel does nothing.
 */
export type InstructionTarget = 'processInstance' | 'modificationExecute' | 'instantiation';

function isSet(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

function invalid(type: string, message: string): InvalidRequestException {
  return new InvalidRequestException(400, `For instruction type '${type}': ${message}`);
}

function toVariables(
  variables: InstructionInput['variables'],
): Record<string, InstructionVariable> | undefined {
  if (!variables) {
    return undefined;
  }
  const result: Record<string, InstructionVariable> = {};
  for (const [name, variable] of Object.entries(variables)) {
    result[name] = { value: toTypedValue(variable), local: variable.local === true };
  }
  return result;
}

function toCancel(
  dto: InstructionInput,
  target: InstructionTarget,
): ModificationInstruction | null {
  if (target === 'instantiation') {
    return null;
  }
  if (target === 'modificationExecute') {
    if (!isSet(dto.activityId)) {
      throw invalid(dto.type, "'activityId' must be set");
    }
    return {
      type: 'cancel',
      activityId: dto.activityId,
      cancelCurrentActiveActivityInstances: dto.cancelCurrentActiveActivityInstances === true,
    };
  }
  const targets = [dto.activityId, dto.activityInstanceId, dto.transitionInstanceId].filter(isSet);
  if (targets.length !== 1) {
    throw invalid(
      dto.type,
      "exactly one, 'activityId', 'activityInstanceId', or 'transitionInstanceId', is required",
    );
  }
  if (isSet(dto.activityId)) {
    return { type: 'cancel', activityId: dto.activityId };
  }
  if (isSet(dto.activityInstanceId)) {
    return { type: 'cancel', activityInstanceId: dto.activityInstanceId };
  }
  return { type: 'cancel', transitionInstanceId: dto.transitionInstanceId };
}

/** Converts one instruction; null when it has no effect on this target. */
export function toModificationInstruction(
  dto: InstructionInput,
  target: InstructionTarget,
): ModificationInstruction | null {
  if (dto.type === 'cancel') {
    return toCancel(dto, target);
  }
  const keepsDetails = target !== 'modificationExecute';
  const ancestor = keepsDetails
    ? { ancestorActivityInstanceId: dto.ancestorActivityInstanceId ?? null }
    : {};
  if (dto.type === 'startTransition') {
    if (!isSet(dto.transitionId)) {
      throw invalid(dto.type, "'transitionId' must be set");
    }
    const variables = keepsDetails ? toVariables(dto.variables) : undefined;
    return {
      type: dto.type,
      transitionId: dto.transitionId,
      ...ancestor,
      ...(variables && { variables }),
    };
  }
  if (!isSet(dto.activityId)) {
    throw invalid(dto.type, "'activityId' must be set");
  }
  const variables = keepsDetails ? toVariables(dto.variables) : undefined;
  return {
    type: dto.type,
    activityId: dto.activityId,
    ...ancestor,
    ...(variables && { variables }),
  };
}

/** Converts instructions in order; the first invalid one throws. */
export function toModificationInstructions(
  dtos: readonly InstructionInput[] | null | undefined,
  target: InstructionTarget,
): ModificationInstruction[] {
  const result: ModificationInstruction[] = [];
  for (const dto of dtos ?? []) {
    const instruction = toModificationInstruction(dto, target);
    if (instruction) {
      result.push(instruction);
    }
  }
  return result;
}
