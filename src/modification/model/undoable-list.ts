/**
 * A list of instructions edited with undo: the reducer both plans run on, the one for an instance
 * and the one for many. A snapshot is what undo restores (the plan, and for an instance the tree
 * it was built on); the state is the current snapshot with the earlier ones.
 */

/** What undo restores: at least a plan holding the instruction list. */
export interface ListSnapshot<I> {
  plan: { instructions: I[] };
}

export type UndoableState<S> = S & {
  /** Earlier versions, newest last, for undo. */
  past: S[];
};

export type UndoableListAction<I, S> =
  /** Appends instructions as one change (a move adds a cancel and a start); `with` sets more of the snapshot. */
  | { type: 'add'; instructions: I[]; with?: Partial<Omit<S, 'plan'>> }
  | { type: 'remove'; index: number }
  | { type: 'move'; from: number; to: number }
  | { type: 'update'; index: number; instruction: I }
  /** Any other edit of the snapshot, as one undo step. */
  | { type: 'change'; snapshot: S }
  | { type: 'undo' }
  | { type: 'clear' };

export interface UndoableListConfig<S> {
  /** The snapshot after clear. */
  cleared: S;
  /** True when clearing would change nothing. */
  isCleared: (snapshot: S) => boolean;
  /** Applied to every snapshot an edit makes (an empty instance plan has no base tree). */
  settle?: (snapshot: S) => S;
  /** What undo makes of the previous snapshot; what is kept out of undo comes from the current. */
  restore?: (previous: S, current: S) => S;
}

/** How many earlier versions undo can go back to. */
export const UNDO_HISTORY_LIMIT = 100;

/** The reducer for one kind of snapshot; edits that change nothing return the same state. */
export function undoableListReducer<I, S extends ListSnapshot<I>>(config: UndoableListConfig<S>) {
  const { cleared, isCleared, settle = (snapshot: S) => snapshot } = config;
  const restore = config.restore ?? ((previous: S) => previous);

  const commit = (state: UndoableState<S>, next: S): UndoableState<S> => ({
    ...settle(next),
    past: [...state.past, snapshotOf(state)].slice(-UNDO_HISTORY_LIMIT),
  });
  const withInstructions = (state: UndoableState<S>, instructions: I[]): UndoableState<S> =>
    commit(state, { ...snapshotOf(state), plan: { ...state.plan, instructions } });

  return function reduce(
    state: UndoableState<S>,
    action: UndoableListAction<I, S>,
  ): UndoableState<S> {
    const { instructions } = state.plan;
    switch (action.type) {
      case 'add':
        if (action.instructions.length === 0) {
          return state;
        }
        return commit(state, {
          ...snapshotOf(state),
          ...action.with,
          plan: { ...state.plan, instructions: [...instructions, ...action.instructions] },
        });
      case 'remove':
        return isIndex(instructions, action.index)
          ? withInstructions(
              state,
              instructions.filter((_, index) => index !== action.index),
            )
          : state;
      case 'move': {
        const { from, to } = action;
        if (!isIndex(instructions, from) || !isIndex(instructions, to) || from === to) {
          return state;
        }
        const moved = [...instructions];
        const [instruction] = moved.splice(from, 1);
        if (instruction === undefined) {
          return state;
        }
        moved.splice(to, 0, instruction);
        return withInstructions(state, moved);
      }
      case 'update':
        return isIndex(instructions, action.index)
          ? withInstructions(
              state,
              instructions.map((instruction, index) =>
                index === action.index ? action.instruction : instruction,
              ),
            )
          : state;
      case 'change':
        return commit(state, action.snapshot);
      case 'undo': {
        const previous = state.past.at(-1);
        if (previous === undefined) {
          return state;
        }
        return { ...restore(previous, snapshotOf(state)), past: state.past.slice(0, -1) };
      }
      case 'clear':
        return isCleared(snapshotOf(state)) ? state : commit(state, cleared);
    }
  };
}

function snapshotOf<S>(state: UndoableState<S>): S {
  const { past: _past, ...snapshot } = state;
  return snapshot as unknown as S;
}

function isIndex(list: readonly unknown[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
}
