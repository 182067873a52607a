import { describe, expect, it } from 'vitest';

import { toInstructionDto } from '../../../modification/model/to-modification-dto';
import { bulkPlanReducer, initialBulkPlanState } from './bulk-plan';
import type { BulkInstruction } from './bulk-plan';
import { loadBulkPlan, saveBulkPlan } from './bulk-plan-storage';

const cancel: BulkInstruction = {
  type: 'cancel',
  activityId: 'review',
  cancelCurrentActiveActivityInstances: false,
};
const start: BulkInstruction = { type: 'startTransition', transitionId: 'to-ship' };

describe('bulkPlanReducer', () => {
  it('adds, reorders, flags, removes and undoes each change', () => {
    let state = bulkPlanReducer(initialBulkPlanState(), {
      type: 'add',
      instructions: [cancel, start],
    });
    state = bulkPlanReducer(state, { type: 'move', from: 1, to: 0 });
    expect(state.plan.instructions).toEqual([start, cancel]);
    state = bulkPlanReducer(state, { type: 'setCancelCurrentOnly', index: 1, value: true });
    expect(state.plan.instructions[1]).toEqual({
      ...cancel,
      cancelCurrentActiveActivityInstances: true,
    });
    // Only cancels carry the flag.
    expect(bulkPlanReducer(state, { type: 'setCancelCurrentOnly', index: 0, value: true })).toBe(
      state,
    );
    state = bulkPlanReducer(state, { type: 'remove', index: 0 });
    expect(state.plan.instructions).toHaveLength(1);
    state = bulkPlanReducer(state, { type: 'undo' });
    state = bulkPlanReducer(state, { type: 'undo' });
    expect(state.plan.instructions).toEqual([start, cancel]);
    state = bulkPlanReducer(state, { type: 'clear' });
    expect(state.plan.instructions).toEqual([]);
    expect(bulkPlanReducer(state, { type: 'undo' }).plan.instructions).toHaveLength(2);
  });

  it('ignores changes that change nothing', () => {
    const state = initialBulkPlanState();
    expect(bulkPlanReducer(state, { type: 'add', instructions: [] })).toBe(state);
    expect(bulkPlanReducer(state, { type: 'remove', index: 0 })).toBe(state);
    expect(bulkPlanReducer(state, { type: 'clear' })).toBe(state);
    expect(bulkPlanReducer(state, { type: 'setOptions', options: { skipIoMappings: false } })).toBe(
      state,
    );
  });
});

describe('toInstructionDto of a bulk instruction', () => {
  it('keeps only the fields /modification/execute takes', () => {
    expect(toInstructionDto(cancel)).toEqual({
      type: 'cancel',
      activityId: 'review',
      cancelCurrentActiveActivityInstances: false,
    });
    expect(toInstructionDto({ type: 'startAfterActivity', activityId: 'review' })).toEqual({
      type: 'startAfterActivity',
      activityId: 'review',
    });
    expect(toInstructionDto(start)).toEqual({
      type: 'startTransition',
      transitionId: 'to-ship',
    });
  });
});

describe('bulk plan storage', () => {
  it('keeps a plan per definition and refuses what it did not write', () => {
    const plan = {
      instructions: [cancel, start],
      skipCustomListeners: true,
      skipIoMappings: false,
    };
    saveBulkPlan('def:1', plan);
    expect(loadBulkPlan('def:1')).toEqual(plan);
    expect(loadBulkPlan('def:2')).toBeNull();
    localStorage.setItem(
      'repair-bulk-plan:def:3',
      '{"version":1,"plan":{"instructions":[{"type":"cancel"}]}}',
    );
    expect(loadBulkPlan('def:3')).toBeNull();
    saveBulkPlan('def:1', { ...plan, instructions: [] });
    expect(loadBulkPlan('def:1')).toBeNull();
  });
});
