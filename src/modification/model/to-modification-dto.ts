import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';
import type { ProcessInstanceModificationInstructionDto } from '../../../contract/camunda/modification-instruction';
import type { TriggerVariableValueDto } from '../../../contract/camunda/variables';
import type { ModificationPlan, ModificationInstruction } from './instruction';
import { toTriggerVariableDto } from './plan-variables';

/**
 * The request body of `POST /process-instance/{id}/modification(-async)` (Camunda's `ProcessInstanceModificationDto`): the
 * instructions in plan order, only the fields their type uses, variables in the map form with
 * `local`, dates in Camunda's format. The annotation is left out when empty.
 */
export function toModificationDto(plan: ModificationPlan): ProcessInstanceModificationDto {
  return withAnnotation(
    {
      instructions: plan.instructions.map(toInstructionDto),
      skipCustomListeners: plan.skipCustomListeners,
      skipIoMappings: plan.skipIoMappings,
    },
    plan.annotation,
  );
}

/**
 * The body with the operator's annotation, trimmed, or without one when it is empty. The
 * instructions stay the same objects: what the engine applies does not change with the text.
 */
export function withAnnotation(
  body: ProcessInstanceModificationDto,
  annotation: string,
): ProcessInstanceModificationDto {
  const { annotation: _previous, ...operation } = body;
  const trimmed = annotation.trim();
  return trimmed === '' ? operation : { ...operation, annotation: trimmed };
}

export function toInstructionDto(
  instruction: ModificationInstruction,
): ProcessInstanceModificationInstructionDto {
  if (instruction.type === 'cancel') {
    if (instruction.activityInstanceId !== undefined) {
      return { type: 'cancel', activityInstanceId: instruction.activityInstanceId };
    }
    if (instruction.transitionInstanceId !== undefined) {
      return { type: 'cancel', transitionInstanceId: instruction.transitionInstanceId };
    }
    return {
      type: 'cancel',
      activityId: instruction.activityId,
      ...(instruction.cancelCurrentActiveActivityInstances === undefined
        ? {}
        : {
            cancelCurrentActiveActivityInstances: instruction.cancelCurrentActiveActivityInstances,
          }),
    };
  }
  const target =
    instruction.type === 'startTransition'
      ? { transitionId: instruction.transitionId }
      : { activityId: instruction.activityId };
  const variables = instruction.variables ?? [];
  return {
    type: instruction.type,
    ...target,
    ...(instruction.ancestorActivityInstanceId === undefined
      ? {}
      : { ancestorActivityInstanceId: instruction.ancestorActivityInstanceId }),
    ...(variables.length === 0
      ? {}
      : {
          variables: Object.fromEntries(
            variables.map((variable): [string, TriggerVariableValueDto] => [
              variable.name,
              toTriggerVariableDto(variable),
            ]),
          ),
        }),
  };
}
