/**
 * A modification's REST body → engine instructions and options, with the checks and messages of
 * Camunda's `ProcessInstanceModificationInstructionDto.applyTo` and `VariableValueDto.toTypedValue`.
 * The REST layer runs this on the JSON it received and the console's preview on the body it is
 * about to send, so the preview checks exactly what the request will do. Instructions are
 * converted in order; the first failing one decides.
 */
import type { InstructionVariable, ModificationInstruction } from './modification-instruction';
import { InvalidRequestDtoException } from '../errors';
import { toTypedValue } from '../variable-input';
import type { VariableValueInput } from '../variable-input';

/** `ProcessInstanceModificationInstructionDto` after JSON parsing; which fields count depends on `type`. */
export interface InstructionDtoInput {
  type: 'cancel' | 'startBeforeActivity' | 'startAfterActivity' | 'startTransition';
  activityId?: string | null;
  transitionId?: string | null;
  activityInstanceId?: string | null;
  transitionInstanceId?: string | null;
  ancestorActivityInstanceId?: string | null;
  /** `TriggerVariableValueDto`s: `local` sets the variable on the started activity's scope. */
  variables?: Record<string, VariableValueInput & { local?: boolean | null }> | null;
  cancelCurrentActiveActivityInstances?: boolean | null;
}

/** `ProcessInstanceModificationDto`: the body of `/process-instance/{id}/modification(-async)`. */
export interface ModificationBodyInput {
  instructions?: readonly InstructionDtoInput[] | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
}

/**
 * Where instructions are applied, which decides what they may contain:
 * - `processInstance`: `/process-instance/{id}/modification(-async)`, every field counts;
 * - `modificationExecute`: `/modification/execute(Async)`, only activity/transition ids and
 *   `cancelCurrentActiveActivityInstances` count, and a cancel needs `activityId`;
 * - `instantiation`: `startInstructions` of a process start, where a cancel does nothing.
 */
export type InstructionTarget = 'processInstance' | 'modificationExecute' | 'instantiation';

/** What the engine's `modifyProcessInstance` takes for one process instance. */
export interface ProcessInstanceModification {
  instructions: ModificationInstruction[];
  skipCustomListeners: boolean;
  skipIoMappings: boolean;
}

/** The body of `/process-instance/{id}/modification(-async)`; null or absent flags are false. */
export function toProcessInstanceModification(
  body: ModificationBodyInput,
): ProcessInstanceModification {
  return {
    instructions: toModificationInstructions(body.instructions, 'processInstance'),
    skipCustomListeners: body.skipCustomListeners === true,
    skipIoMappings: body.skipIoMappings === true,
  };
}

/** Converts instructions in order; the first invalid one throws `InvalidRequestDtoException`. */
export function toModificationInstructions(
  dtos: readonly InstructionDtoInput[] | null | undefined,
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

/** Converts one instruction; null when it has no effect on this target. */
export function toModificationInstruction(
  dto: InstructionDtoInput,
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

function isSet(value: string | null | undefined): value is string {
  return value !== null && value !== undefined;
}

function invalid(type: string, message: string): InvalidRequestDtoException {
  return new InvalidRequestDtoException(`For instruction type '${type}': ${message}`);
}

function toVariables(
  variables: InstructionDtoInput['variables'],
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
  dto: InstructionDtoInput,
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
