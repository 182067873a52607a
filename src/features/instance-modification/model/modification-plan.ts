/**
 * The modification plan: pure client state. Instructions mirror the REST
 * `ProcessInstanceModificationInstructionDto` one to one, so what the operator
 * sees in the list is what is sent; a pure reducer edits it, with undo of any change.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type {
  ModificationInstruction,
  ModificationOptions,
  ModificationPlan,
} from '../../../modification/model/instruction';
import { EMPTY_PLAN, isStartInstruction } from '../../../modification/model/instruction';
import { undoableListReducer } from '../../../modification/model/undoable-list';
import type { UndoableState } from '../../../modification/model/undoable-list';

export interface PlanSnapshot {
  plan: ModificationPlan;
  /**
   * The activity instance tree the plan was last edited against: what the stale check compares
   * with just before sending. Null while the plan is empty.
   */
  baseTree: ActivityInstanceDto | null;
}

export type PlanState = UndoableState<PlanSnapshot>;

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

export const INITIAL_PLAN_STATE: PlanState = { plan: EMPTY_PLAN, baseTree: null, past: [] };

const editPlan = undoableListReducer<ModificationInstruction, PlanSnapshot>({
  cleared: { plan: EMPTY_PLAN, baseTree: null },
  isCleared: ({ plan }) => plan.instructions.length === 0 && isDefaultOptions(plan),
  settle: (snapshot) =>
    snapshot.plan.instructions.length === 0 ? { ...snapshot, baseTree: null } : snapshot,
  // The annotation is not part of undo: it is typed, not built step by step.
  restore: (previous, current) => ({
    ...previous,
    plan: { ...previous.plan, annotation: current.plan.annotation },
  }),
});

export function planReducer(state: PlanState, action: PlanAction): PlanState {
  const { plan } = state;
  switch (action.type) {
    case 'add':
      return editPlan(state, {
        type: 'add',
        instructions: action.instructions,
        with: { baseTree: action.tree },
      });
    case 'setOptions': {
      const next = { ...plan, ...action.options };
      if (
        next.skipCustomListeners === plan.skipCustomListeners &&
        next.skipIoMappings === plan.skipIoMappings
      ) {
        // Typing an annotation is not a change worth an undo step per keystroke.
        return next.annotation === plan.annotation ? state : { ...state, plan: next };
      }
      return editPlan(state, {
        type: 'change',
        snapshot: { plan: next, baseTree: state.baseTree },
      });
    }
    case 'rebase':
      return { ...state, baseTree: plan.instructions.length === 0 ? null : action.tree };
    case 'load':
      return {
        plan: action.plan,
        baseTree: action.plan.instructions.length === 0 ? null : action.baseTree,
        past: [],
      };
    default:
      return editPlan(state, action);
  }
}

function isDefaultOptions(plan: ModificationPlan): boolean {
  return !plan.skipCustomListeners && !plan.skipIoMappings && plan.annotation === '';
}

/** True when the plan has something worth keeping: instructions to send. */
export function hasUnsentInstructions(plan: ModificationPlan): boolean {
  return plan.instructions.length > 0;
}

/** True when some start instruction carries variables, which batches drop (Camunda's `ModificationCmdJsonConverter` does not keep them). */
export function hasInstructionVariables(plan: ModificationPlan): boolean {
  return plan.instructions.some(
    (instruction) => isStartInstruction(instruction) && (instruction.variables?.length ?? 0) > 0,
  );
}
