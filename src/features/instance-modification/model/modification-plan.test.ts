import { describe, expect, it } from 'vitest';

import { processTree, runningOrderTree } from '../../../modification/testing/modification-fixtures';
import { INITIAL_PLAN_STATE, hasInstructionVariables, planReducer } from './modification-plan';
import type { PlanAction, PlanState } from './modification-plan';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { UNDO_HISTORY_LIMIT } from '../../../modification/model/undoable-list';

const tree = runningOrderTree();
const cancelShip: ModificationInstruction = { type: 'cancel', activityId: 'ship' };
const startPick: ModificationInstruction = { type: 'startBeforeActivity', activityId: 'pick' };
const startEnd: ModificationInstruction = { type: 'startTransition', transitionId: 'f6' };

function run(...actions: PlanAction[]): PlanState {
  return actions.reduce(planReducer, INITIAL_PLAN_STATE);
}

const add = (...instructions: ModificationInstruction[]): PlanAction => ({
  type: 'add',
  instructions,
  tree,
});

describe('planReducer', () => {
  it('appends instructions in order and remembers the tree they were built on', () => {
    const state = run(add(cancelShip), add(startPick));
    expect(state.plan.instructions).toEqual([cancelShip, startPick]);
    expect(state.baseTree).toBe(tree);
  });

  it('adds a move (cancel + start) as one change, undone at once', () => {
    const state = run(add(cancelShip, startPick), { type: 'undo' });
    expect(state.plan.instructions).toEqual([]);
    expect(state.baseTree).toBeNull();
  });

  it('removes the instruction at an index and ignores indexes out of range', () => {
    const state = run(add(cancelShip, startPick, startEnd), { type: 'remove', index: 1 });
    expect(state.plan.instructions).toEqual([cancelShip, startEnd]);
    expect(planReducer(state, { type: 'remove', index: 5 })).toBe(state);
  });

  it('moves an instruction from one position to another', () => {
    const state = run(add(cancelShip, startPick, startEnd), { type: 'move', from: 2, to: 0 });
    expect(state.plan.instructions).toEqual([startEnd, cancelShip, startPick]);
    expect(planReducer(state, { type: 'move', from: 0, to: 3 })).toBe(state);
    expect(planReducer(state, { type: 'move', from: 1, to: 1 })).toBe(state);
  });

  it('undoes a reorder, then the add before it', () => {
    let state = run(add(cancelShip), add(startPick), { type: 'move', from: 1, to: 0 });
    expect(state.plan.instructions).toEqual([startPick, cancelShip]);
    state = planReducer(state, { type: 'undo' });
    expect(state.plan.instructions).toEqual([cancelShip, startPick]);
    state = planReducer(state, { type: 'undo' });
    expect(state.plan.instructions).toEqual([cancelShip]);
  });

  it('replaces an instruction on update, and undo brings the old one back', () => {
    const withAncestor: ModificationInstruction = {
      ...startPick,
      ancestorActivityInstanceId: 'sub:1',
    };
    let state = run(add(startPick), { type: 'update', index: 0, instruction: withAncestor });
    expect(state.plan.instructions).toEqual([withAncestor]);
    state = planReducer(state, { type: 'undo' });
    expect(state.plan.instructions).toEqual([startPick]);
  });

  it('clears everything, and undo restores the cleared plan', () => {
    let state = run(add(cancelShip), { type: 'setOptions', options: { skipIoMappings: true } });
    state = planReducer(state, { type: 'clear' });
    expect(state.plan).toEqual(INITIAL_PLAN_STATE.plan);
    expect(state.baseTree).toBeNull();
    state = planReducer(state, { type: 'undo' });
    expect(state.plan.instructions).toEqual([cancelShip]);
    expect(state.plan.skipIoMappings).toBe(true);
    expect(state.baseTree).toBe(tree);
  });

  it('undoes option changes, but not typing of the annotation', () => {
    let state = run(
      add(cancelShip),
      { type: 'setOptions', options: { skipCustomListeners: true } },
      { type: 'setOptions', options: { annotation: 'Ticket 42' } },
    );
    expect(state.plan).toMatchObject({ skipCustomListeners: true, annotation: 'Ticket 42' });
    state = planReducer(state, { type: 'undo' });
    expect(state.plan).toMatchObject({ skipCustomListeners: false, annotation: 'Ticket 42' });
    expect(state.plan.instructions).toEqual([cancelShip]);
  });

  it('does nothing on undo without history', () => {
    expect(planReducer(INITIAL_PLAN_STATE, { type: 'undo' })).toBe(INITIAL_PLAN_STATE);
  });

  it('keeps a bounded history', () => {
    const actions = Array.from({ length: UNDO_HISTORY_LIMIT + 10 }, () => add(cancelShip));
    expect(run(...actions).past).toHaveLength(UNDO_HISTORY_LIMIT);
  });

  it('rebases onto a newer tree without an undo step, and loads a stored plan', () => {
    const newer = processTree();
    let state = run(add(cancelShip), { type: 'rebase', tree: newer });
    expect(state.baseTree).toBe(newer);
    expect(state.past).toHaveLength(1);
    state = planReducer(state, {
      type: 'load',
      plan: { ...INITIAL_PLAN_STATE.plan, instructions: [startPick] },
      baseTree: tree,
    });
    expect(state).toEqual({
      plan: { ...INITIAL_PLAN_STATE.plan, instructions: [startPick] },
      baseTree: tree,
      past: [],
    });
  });

  it('knows when start instructions carry variables', () => {
    const state = run(
      add({ ...startPick, variables: [{ name: 'a', type: 'String', value: 'x', local: false }] }),
    );
    expect(hasInstructionVariables(state.plan)).toBe(true);
    expect(hasInstructionVariables(run(add(startPick)).plan)).toBe(false);
  });
});
