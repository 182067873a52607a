/**
 * The modification instruction the engine executes: REST's `ProcessInstanceModificationInstructionDto`
 * after `applyTo`, as Camunda's `ProcessInstanceModificationBuilder` records it
 * (`startBeforeActivity`, `startAfterActivity`, `startTransition`, `cancelActivityInstance`…).
 */
import type { TypedValue } from '../variables';

/** A variable given with a start instruction; `local` as in `TriggerVariableValueDto`. */
export interface InstructionVariable {
  value: TypedValue;
  local: boolean;
}

/**
 * One instruction of a modification, already validated by the REST layer; the variants mirror the
 * `type` values of `ProcessInstanceModificationInstructionDto` (Camunda REST API reference,
 * "Modify Process Instance Execution State").
 */
export type ModificationInstruction =
  | {
      type: 'startBeforeActivity';
      activityId: string;
      ancestorActivityInstanceId?: string | null;
      variables?: Record<string, InstructionVariable>;
    }
  | {
      type: 'startAfterActivity';
      activityId: string;
      ancestorActivityInstanceId?: string | null;
      variables?: Record<string, InstructionVariable>;
    }
  | {
      type: 'startTransition';
      transitionId: string;
      ancestorActivityInstanceId?: string | null;
      variables?: Record<string, InstructionVariable>;
    }
  | {
      type: 'cancel';
      activityId?: string | null;
      activityInstanceId?: string | null;
      transitionInstanceId?: string | null;
      cancelCurrentActiveActivityInstances?: boolean;
    };
