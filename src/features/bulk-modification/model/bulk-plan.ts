/**
 * The plan for many instances of one definition (`POST /modification/execute(Async)`, Camunda's
 * `ModificationRestService`): the same instruction list runs in every instance, so an instruction names only an
 * activity or a sequence flow. Ancestors, instance ids and variables do not exist there, and a
 * cancel may be limited to the instances that are active before the first instruction runs.
 */
import type { ModificationDto } from '../../../../contract/camunda/modification';
import type {
  CancelActivityInstruction,
  StartAfterActivityInstruction,
  StartBeforeActivityInstruction,
  StartTransitionInstruction,
} from '../../../modification/model/instruction';
import { toInstructionDto } from '../../../modification/model/to-modification-dto';
import { undoableListReducer } from '../../../modification/model/undoable-list';
import type { UndoableState } from '../../../modification/model/undoable-list';

/**
 * Cancel every token of an activity in each instance; many instances always say whether tokens
 * started by earlier instructions of the request are spared.
 */
export type BulkCancelInstruction = CancelActivityInstruction & {
  cancelCurrentActiveActivityInstances: boolean;
};

/** Start before or after an activity: no ancestor and no variables for many instances. */
export type BulkStartActivityInstruction = Pick<
  StartBeforeActivityInstruction | StartAfterActivityInstruction,
  'type' | 'activityId'
>;

export type BulkStartTransitionInstruction = Pick<
  StartTransitionInstruction,
  'type' | 'transitionId'
>;

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
    instructions: plan.instructions.map(toInstructionDto),
    ...instances,
    skipCustomListeners: plan.skipCustomListeners,
    skipIoMappings: plan.skipIoMappings,
    ...(trimmed === '' ? {} : { annotation: trimmed }),
  };
}
