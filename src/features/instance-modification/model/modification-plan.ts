/**
 * The modification plan: pure client state (STYLE.md convention 8). Instructions mirror the REST
 * `ProcessInstanceModificationInstructionDto` (contract §2.1) one to one, so what the operator
 * sees in the list is what is sent; a pure reducer edits it, with undo of any change.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type {
  ModificationInstruction,
  ModificationOptions,
  ModificationPlan,
} from '../../../modification/model/instruction';
import { EMPTY_PLAN, isStartInstruction } from '../../../modification/model/instruction';

export interface PlanState {
  plan: ModificationPlan;
  /**
   * The activity instance tree the plan was last edited against: what the stale check compares
   * with just before sending. Null while the plan is empty.
   */
  baseTree: ActivityInstanceDto | null;
  /** Earlier versions, newest last, for undo. */
  past: PlanSnapshot[];
}

export interface PlanSnapshot {
  plan: ModificationPlan;
  baseTree: ActivityInstanceDto | null;
}

export type PlanAction =
  /** Appends instructions as one change (a move adds a cancel and a start). */
  | { type: 'add'; instructions: ModificationInstruction[]; tree: ActivityInstanceDto }
  | { type: 'remove'; index: number }
  | { type: 'move'; from: number; to: number }
  | { type: 'update'; index: number; instruction: ModificationInstruction }
  | { type: 'undo' }
  | { type: 'clear' }
  | { type: 'setOptions'; options: Partial<ModificationOptions> }
  /** Accepts the current tree as the base after the operator reviewed what changed. */
  | { type: 'rebase'; tree: ActivityInstanceDto }
  /** Replaces everything, e.g. with a plan restored from storage. */
  | { type: 'load'; plan: ModificationPlan; baseTree: ActivityInstanceDto | null };

/** How many earlier versions undo can go back to. */
export const UNDO_HISTORY_LIMIT = 100;

export const INITIAL_PLAN_STATE: PlanState = { plan: EMPTY_PLAN, baseTree: null, past: [] };

export function planReducer(state: PlanState, action: PlanAction): PlanState {
  const { plan } = state;
  switch (action.type) {
    case 'add':
      if (action.instructions.length === 0) {
        return state;
      }
      return commit(
        state,
        { ...plan, instructions: [...plan.instructions, ...action.instructions] },
        action.tree,
      );
    case 'remove': {
      if (!isIndex(plan.instructions, action.index)) {
        return state;
      }
      const instructions = plan.instructions.filter((_, index) => index !== action.index);
      return commit(state, { ...plan, instructions }, state.baseTree);
    }
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
      return commit(state, { ...plan, instructions }, state.baseTree);
    }
    case 'update': {
      if (!isIndex(plan.instructions, action.index)) {
        return state;
      }
      const instructions = plan.instructions.map((instruction, index) =>
        index === action.index ? action.instruction : instruction,
      );
      return commit(state, { ...plan, instructions }, state.baseTree);
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined) {
        return state;
      }
      // The annotation is not part of undo: it is typed, not built step by step.
      return {
        plan: { ...previous.plan, annotation: plan.annotation },
        baseTree: previous.baseTree,
        past: state.past.slice(0, -1),
      };
    }
    case 'clear':
      if (plan.instructions.length === 0 && isDefaultOptions(plan)) {
        return state;
      }
      return commit(state, EMPTY_PLAN, null);
    case 'setOptions': {
      const next = { ...plan, ...action.options };
      if (
        next.skipCustomListeners === plan.skipCustomListeners &&
        next.skipIoMappings === plan.skipIoMappings
      ) {
        // Typing an annotation is not a change worth an undo step per keystroke.
        return next.annotation === plan.annotation ? state : { ...state, plan: next };
      }
      return commit(state, next, state.baseTree);
    }
    case 'rebase':
      return { ...state, baseTree: plan.instructions.length === 0 ? null : action.tree };
    case 'load':
      return {
        plan: action.plan,
        baseTree: action.plan.instructions.length === 0 ? null : action.baseTree,
        past: [],
      };
  }
}

function commit(
  state: PlanState,
  plan: ModificationPlan,
  baseTree: ActivityInstanceDto | null,
): PlanState {
  return {
    plan,
    baseTree: plan.instructions.length === 0 ? null : baseTree,
    past: [...state.past, { plan: state.plan, baseTree: state.baseTree }].slice(
      -UNDO_HISTORY_LIMIT,
    ),
  };
}

function isIndex(list: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
}

function isDefaultOptions(plan: ModificationPlan): boolean {
  return !plan.skipCustomListeners && !plan.skipIoMappings && plan.annotation === '';
}

/** True when the plan has something worth keeping: instructions to send. */
export function hasUnsentInstructions(plan: ModificationPlan): boolean {
  return plan.instructions.length > 0;
}

/** True when some start instruction carries variables, which batches drop (contract §2.3). */
export function hasInstructionVariables(plan: ModificationPlan): boolean {
  return plan.instructions.some(
    (instruction) => isStartInstruction(instruction) && (instruction.variables?.length ?? 0) > 0,
  );
}
