/**
 * One instruction of a modification, as the console plans it: the union mirrors Camunda's
 * `ProcessInstanceModificationInstructionDto` one to one (`?: never` keeps the variants apart), so
 * what the operator sees in a list is what is sent.
 */
import type { PlanVariable } from './plan-variables';

/** Cancel all instances of an activity that exist when the instruction runs (`ActivityCancellationCmd`). */
export interface CancelActivityInstruction {
  type: 'cancel';
  activityId: string;
  /**
   * Only for many instances (`/modification/execute(Async)`), which always send it: true cancels
   * only the activity instances that existed before the request's first instruction ran in that
   * instance, so tokens started by earlier instructions survive (Camunda's
   * `ModificationBuilder.cancelAllForActivity(activityId, cancelCurrentActiveActivityInstances)`).
   */
  cancelCurrentActiveActivityInstances?: boolean;
  activityInstanceId?: never;
  transitionInstanceId?: never;
}

/** Cancel one activity instance, with everything inside it. */
export interface CancelActivityInstanceInstruction {
  type: 'cancel';
  activityInstanceId: string;
  activityId?: never;
  transitionInstanceId?: never;
}

/** Cancel one transition instance: an async continuation whose job has not run (`TransitionInstanceCancellationCmd`). */
export interface CancelTransitionInstanceInstruction {
  type: 'cancel';
  transitionInstanceId: string;
  activityId?: never;
  activityInstanceId?: never;
}

export type CancelInstruction =
  | CancelActivityInstruction
  | CancelActivityInstanceInstruction
  | CancelTransitionInstanceInstruction;

interface StartInstructionBase {
  /** Which existing scope instance the token goes into (`AbstractInstantiationCmd`); unset: Camunda picks the one. */
  ancestorActivityInstanceId?: string;
  variables?: PlanVariable[];
}

/** Enter the activity as if a token arrived (`ActivityBeforeInstantiationCmd`). `X#multiInstanceBody` starts a whole MI. */
export interface StartBeforeActivityInstruction extends StartInstructionBase {
  type: 'startBeforeActivity';
  activityId: string;
}

/** Take the activity's single outgoing flow; the activity itself is not executed. */
export interface StartAfterActivityInstruction extends StartInstructionBase {
  type: 'startAfterActivity';
  activityId: string;
}

/** Take a sequence flow (its condition is not evaluated). */
export interface StartTransitionInstruction extends StartInstructionBase {
  type: 'startTransition';
  transitionId: string;
}

export type StartInstruction =
  StartBeforeActivityInstruction | StartAfterActivityInstruction | StartTransitionInstruction;

export type ModificationInstruction = CancelInstruction | StartInstruction;

export interface ModificationOptions {
  /** No execution or task listeners of started or ended activities run (`ProcessInstanceModificationBuilder.execute`). */
  skipCustomListeners: boolean;
  /** No input/output mappings of started or ended activities run (`ProcessInstanceModificationBuilder.execute`). */
  skipIoMappings: boolean;
  /** Written to the user operation log with the modification. */
  annotation: string;
}

export interface ModificationPlan extends ModificationOptions {
  instructions: ModificationInstruction[];
}

export const EMPTY_PLAN: ModificationPlan = {
  instructions: [],
  skipCustomListeners: false,
  skipIoMappings: false,
  annotation: '',
};

export function isStartInstruction(
  instruction: ModificationInstruction,
): instruction is StartInstruction {
  return instruction.type !== 'cancel';
}
