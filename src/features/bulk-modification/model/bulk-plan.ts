/**
 * The plan for many instances of one definition (`POST /modification/execute(Async)`, contract
 * §2.4): the same instruction list runs in every instance, so an instruction names only an
 * activity or a sequence flow. Ancestors, instance ids and variables do not exist there, and a
 * cancel may be limited to the instances that are active before the first instruction runs.
 */
import type { ModificationDto } from '../../../../contract/camunda/modification';
import type { ProcessInstanceModificationInstructionDto } from '../../../../contract/camunda/modification-instruction';
import { undoableListReducer } from '../../../modification/model/undoable-list';
import type { UndoableState } from '../../../modification/model/undoable-list';

export interface BulkCancelInstruction {
  type: 'cancel';
  activityId: string;
  /**
   * True: cancel only the activity instances that existed before any instruction of the request
   * ran in that instance, so tokens started by earlier instructions survive. False: whatever is
   * there when this cancel runs, including tokens just started.
   */
  cancelCurrentActiveActivityInstances: boolean;
}

export interface BulkStartActivityInstruction {
  type: 'startBeforeActivity' | 'startAfterActivity';
  activityId: string;
}

export interface BulkStartTransitionInstruction {
  type: 'startTransition';
  transitionId: string;
}

export type BulkInstruction =
  BulkCancelInstruction | BulkStartActivityInstruction | BulkStartTransitionInstruction;

export interface BulkPlan {
  instructions: BulkInstruction[];
  skipCustomListeners: boolean;
  skipIoMappings: boolean;
}

/** What undo restores. */
export interface BulkPlanSnapshot {
  plan: BulkPlan;
}

export type BulkPlanState = UndoableState<BulkPlanSnapshot>;

export type BulkPlanAction =
  /** Appends instructions as one change (a move adds a cancel and a start). */
  | { type: 'add'; instructions: BulkInstruction[] }
  | { type: 'remove'; index: number }
  | { type: 'move'; from: number; to: number }
  | { type: 'setCancelCurrentOnly'; index: number; value: boolean }
  | {
      type: 'setOptions';
      options: Partial<Pick<BulkPlan, 'skipCustomListeners' | 'skipIoMappings'>>;
    }
  | { type: 'undo' }
  | { type: 'clear' };

export const EMPTY_BULK_PLAN: BulkPlan = {
  instructions: [],
  skipCustomListeners: false,
  skipIoMappings: false,
};

export function initialBulkPlanState(plan: BulkPlan = EMPTY_BULK_PLAN): BulkPlanState {
  return { plan, past: [] };
}

const editBulkPlan = undoableListReducer<BulkInstruction, BulkPlanSnapshot>({
  cleared: { plan: EMPTY_BULK_PLAN },
  isCleared: ({ plan }) =>
    plan.instructions.length === 0 && !plan.skipCustomListeners && !plan.skipIoMappings,
});

export function bulkPlanReducer(state: BulkPlanState, action: BulkPlanAction): BulkPlanState {
  const { plan } = state;
  switch (action.type) {
    case 'setCancelCurrentOnly': {
      const target = plan.instructions[action.index];
      if (
        target?.type !== 'cancel' ||
        target.cancelCurrentActiveActivityInstances === action.value
      ) {
        return state;
      }
      return editBulkPlan(state, {
        type: 'update',
        index: action.index,
        instruction: { ...target, cancelCurrentActiveActivityInstances: action.value },
      });
    }
    case 'setOptions': {
      const next = { ...plan, ...action.options };
      return next.skipCustomListeners === plan.skipCustomListeners &&
        next.skipIoMappings === plan.skipIoMappings
        ? state
        : editBulkPlan(state, { type: 'change', snapshot: { plan: next } });
    }
    default:
      return editBulkPlan(state, action);
  }
}

/** The element an instruction is about: its activity or its sequence flow. */
export function bulkInstructionTarget(instruction: BulkInstruction): string {
  return instruction.type === 'startTransition' ? instruction.transitionId : instruction.activityId;
}

/** One instruction as `/modification/execute` takes it: only the fields its type uses. */
export function toBulkInstructionDto(
  instruction: BulkInstruction,
): ProcessInstanceModificationInstructionDto {
  switch (instruction.type) {
    case 'cancel':
      return {
        type: 'cancel',
        activityId: instruction.activityId,
        cancelCurrentActiveActivityInstances: instruction.cancelCurrentActiveActivityInstances,
      };
    case 'startTransition':
      return { type: 'startTransition', transitionId: instruction.transitionId };
    default:
      return { type: instruction.type, activityId: instruction.activityId };
  }
}

/**
 * The body of `POST /modification/execute(Async)`: the plan's instructions in order, the
 * instances as the selection gives them (ids or one query object, never rebuilt here), and the
 * annotation when there is one.
 */
export function toBulkModificationDto(
  processDefinitionId: string,
  plan: BulkPlan,
  instances: Pick<
    ModificationDto,
    'processInstanceIds' | 'processInstanceQuery' | 'historicProcessInstanceQuery'
  >,
  annotation: string,
): ModificationDto {
  const trimmed = annotation.trim();
  return {
    processDefinitionId,
    instructions: plan.instructions.map(toBulkInstructionDto),
    ...instances,
    skipCustomListeners: plan.skipCustomListeners,
    skipIoMappings: plan.skipIoMappings,
    ...(trimmed === '' ? {} : { annotation: trimmed }),
  };
}
