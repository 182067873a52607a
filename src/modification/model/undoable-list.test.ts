import { describe, expect, it } from 'vitest';

import { UNDO_HISTORY_LIMIT, undoableListReducer } from './undoable-list';
import type { UndoableState } from './undoable-list';

interface Snapshot {
  plan: { instructions: string[]; flag: boolean };
  note: string;
}

const cleared: Snapshot = { plan: { instructions: [], flag: false }, note: '' };
const reduce = undoableListReducer<string, Snapshot>({
  cleared,
  isCleared: ({ plan }) => plan.instructions.length === 0 && !plan.flag,
  restore: (previous, current) => ({ ...previous, note: current.note }),
});
const empty: UndoableState<Snapshot> = { ...cleared, past: [] };

describe('undoableListReducer', () => {
  it('adds, moves, updates and removes, each as one undo step', () => {
    let state = reduce(empty, { type: 'add', instructions: ['a', 'b'], with: { note: 'x' } });
    state = reduce(state, { type: 'move', from: 0, to: 1 });
    state = reduce(state, { type: 'update', index: 0, instruction: 'c' });
    state = reduce(state, { type: 'remove', index: 1 });
    expect(state.plan.instructions).toEqual(['c']);
    expect(state.note).toBe('x');
    expect(state.past.map((snapshot) => snapshot.plan.instructions)).toEqual([
      [],
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'a'],
    ]);
  });

  it('returns the same state for edits that change nothing', () => {
    expect(reduce(empty, { type: 'add', instructions: [] })).toBe(empty);
    expect(reduce(empty, { type: 'remove', index: 0 })).toBe(empty);
    expect(reduce(empty, { type: 'undo' })).toBe(empty);
    expect(reduce(empty, { type: 'clear' })).toBe(empty);
  });

  it('undoes with what restore keeps from the current snapshot', () => {
    const added = reduce(empty, { type: 'add', instructions: ['a'] });
    const noted = { ...added, note: 'typed' };
    const undone = reduce(noted, { type: 'undo' });
    expect(undone.plan.instructions).toEqual([]);
    expect(undone.note).toBe('typed');
    expect(undone.past).toEqual([]);
  });

  it(`keeps at most ${String(UNDO_HISTORY_LIMIT)} earlier versions`, () => {
    let state = empty;
    for (let step = 0; step < UNDO_HISTORY_LIMIT + 5; step += 1) {
      state = reduce(state, { type: 'add', instructions: ['a'] });
    }
    expect(state.past).toHaveLength(UNDO_HISTORY_LIMIT);
  });
});
