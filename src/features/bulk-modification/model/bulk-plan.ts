/**
 * The plan for many instances of one definition (`POST /modification/execute(Async)`, contract
 * §2.4): the same instruction list runs in every instance, so an instruction names only an
 * activity or a sequence flow. Ancestors, instance ids and variables do not exist there, and a
 * cancel may be limited to the instances that are active before the first instruction runs.
 */
import type { ModificationDto } from '../../../../contract/camunda/modification';
import type { ProcessInstanceModificationInstructionDto } from '../../../../contract/camunda/modification-instruction';

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

export interface BulkPlanState {
  plan: BulkPlan;
  /** Earlier versions, newest last, for undo. */
  past: BulkPlan[];
}

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

/** How many earlier versions undo can go back to. */
const UNDO_LIMIT = 100;

export function initialBulkPlanState(plan: BulkPlan = EMPTY_BULK_PLAN): BulkPlanState {
  return { plan, past: [] };
}

export function bulkPlanReducer(state: BulkPlanState, action: BulkPlanAction): BulkPlanState {
  const { plan } = state;
  switch (action.type) {
    case 'add':
      return action.instructions.length === 0
        ? state
        : commit(state, { ...plan, instructions: [...plan.instructions, ...action.instructions] });
    case 'remove':
      return isIndex(plan.instructions, action.index)
        ? commit(state, {
            ...plan,
            instructions: plan.instructions.filter((_, index) => index !== action.index),
          })
        : state;
    case 'move': {
      const { from, to } = action;
      if (!isIndex(plan.instructions, from) || !isIndex(plan.instructions, to) || from === to) {
        return state;
      }
      const instructions = [...plan.instructions];
      const [moved] = instructions.splice(from, 1);
      if (moved === undefined) {
        return state;
      }
      instructions.splice(to, 0, moved);
      return commit(state, { ...plan, instructions });
    }
    case 'setCancelCurrentOnly': {
      const target = plan.instructions[action.index];
      if (
        target?.type !== 'cancel' ||
        target.cancelCurrentActiveActivityInstances === action.value
      ) {
        return state;
      }
      const instructions = plan.instructions.map((instruction, index) =>
        index === action.index
          ? { ...target, cancelCurrentActiveActivityInstances: action.value }
          : instruction,
      );
      return commit(state, { ...plan, instructions });
    }
    case 'setOptions': {
      const next = { ...plan, ...action.options };
      return next.skipCustomListeners === plan.skipCustomListeners &&
        next.skipIoMappings === plan.skipIoMappings
        ? state
        : commit(state, next);
    }
    case 'undo': {
      const previous = state.past.at(-1);
      return previous === undefined ? state : { plan: previous, past: state.past.slice(0, -1) };
    }
    case 'clear':
      return plan.instructions.length === 0 && !plan.skipCustomListeners && !plan.skipIoMappings
        ? state
        : commit(state, EMPTY_BULK_PLAN);
  }
}

function commit(state: BulkPlanState, plan: BulkPlan): BulkPlanState {
  return { plan, past: [...state.past, state.plan].slice(-UNDO_LIMIT) };
}

function isIndex(list: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
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
