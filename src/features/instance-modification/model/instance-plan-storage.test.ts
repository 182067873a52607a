import { afterEach, describe, expect, it } from 'vitest';

import { runningOrderTree } from '../../../modification/testing/modification-fixtures';
import { EMPTY_PLAN } from '../../../modification/model/instruction';
import type { ModificationPlan } from '../../../modification/model/instruction';
import { discardStoredPlan, loadPlan, planStorageKey, savePlan } from './instance-plan-storage';

const plan: ModificationPlan = {
  instructions: [
    { type: 'cancel', activityInstanceId: 'pick:1' },
    {
      type: 'startBeforeActivity',
      activityId: 'ship',
      ancestorActivityInstanceId: 'pi-1',
      variables: [{ name: 'due', type: 'Date', value: '2024-05-01T10:00:00Z', local: true }],
    },
  ],
  skipCustomListeners: true,
  skipIoMappings: false,
  annotation: 'Ticket 42',
};

afterEach(() => {
  localStorage.clear();
});

describe('plan storage', () => {
  it('keeps a plan per instance under repair-plan:<id> and reads it back', () => {
    const baseTree = runningOrderTree();
    savePlan('pi-1', { plan, baseTree });
    expect(Object.keys(localStorage)).toEqual(['repair-plan:pi-1']);
    expect(loadPlan('pi-1')).toEqual({ plan, baseTree });
    expect(loadPlan('pi-2')).toBeNull();
  });

  it('stores nothing but the plan and its tree', () => {
    savePlan('pi-1', { plan, baseTree: null });
    expect(
      Object.keys(JSON.parse(localStorage.getItem('repair-plan:pi-1') ?? '{}') as object),
    ).toEqual(['version', 'plan', 'baseTree']);
  });

  it('removes the entry for an empty plan and on discard', () => {
    savePlan('pi-1', { plan, baseTree: null });
    savePlan('pi-1', { plan: EMPTY_PLAN, baseTree: null });
    expect(localStorage.getItem(planStorageKey('pi-1'))).toBeNull();
    savePlan('pi-1', { plan, baseTree: null });
    discardStoredPlan('pi-1');
    expect(localStorage.getItem(planStorageKey('pi-1'))).toBeNull();
  });

  it('ignores entries it cannot trust', () => {
    localStorage.setItem('repair-plan:a', 'not json');
    localStorage.setItem(
      'repair-plan:b',
      JSON.stringify({ version: 1, plan: { instructions: 'x' } }),
    );
    localStorage.setItem(
      'repair-plan:c',
      JSON.stringify({
        version: 1,
        plan: {
          ...EMPTY_PLAN,
          instructions: [{ type: 'cancel', activityId: 'a', activityInstanceId: 'b' }],
        },
        baseTree: null,
      }),
    );
    expect(loadPlan('a')).toBeNull();
    expect(loadPlan('b')).toBeNull();
    expect(loadPlan('c')).toBeNull();
  });

  it('drops a malformed tree but keeps the plan', () => {
    localStorage.setItem(
      'repair-plan:pi-1',
      JSON.stringify({ version: 1, plan, baseTree: { id: 1 } }),
    );
    expect(loadPlan('pi-1')).toEqual({ plan, baseTree: null });
  });
});
