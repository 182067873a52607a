import { describe, expect, it } from 'vitest';

import {
  ORDER_XML,
  activityInstance,
  processTree,
  runningOrderTree,
  transitionInstance,
} from '../../../modification/testing/modification-fixtures';
import { parseBpmnIndex } from '../../../modification/model/bpmn-index';
import { EMPTY_PLAN } from '../../../modification/model/instruction';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { describeTokenCountChange, findStalePlan, rebasePlan } from './stale-plan';

const index = parseBpmnIndex(ORDER_XML, 'order');

function plan(...instructions: ModificationInstruction[]) {
  return { ...EMPTY_PLAN, instructions };
}

describe('findStalePlan', () => {
  it('finds nothing when the instance is as it was', () => {
    const instructions: ModificationInstruction[] = [
      { type: 'cancel', activityInstanceId: 'pick:1' },
      { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:1' },
    ];
    expect(
      findStalePlan(plan(...instructions), runningOrderTree(), runningOrderTree(), index),
    ).toBeNull();
  });

  it('reports instances the plan names that are gone, and changed token counts', () => {
    const base = processTree(
      activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
      transitionInstance('exec-1', 'escalate'),
    );
    const current = processTree(
      activityInstance('escalate:1', 'escalate'),
      activityInstance('ship:1', 'ship'),
    );
    const report = findStalePlan(
      plan(
        { type: 'cancel', activityInstanceId: 'pick:1' },
        { type: 'cancel', transitionInstanceId: 'exec-1' },
        { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:1' },
        { type: 'cancel', activityId: 'ship' },
      ),
      base,
      current,
      index,
    );
    expect(report?.missing.map((reference) => reference.message)).toEqual([
      'Instruction 1: the token 1 it cancels is gone.',
      'Instruction 2: the waiting async continuation exec-1 it cancels is gone (its job has run).',
      'Instruction 3: the instance 1 it starts in is gone.',
    ]);
    expect(report?.changes.map(describeTokenCountChange)).toEqual([
      "'Pick items': 1 token when the plan was made, 0 tokens now",
      "'Pick item': 1 token when the plan was made, 0 tokens now",
      "'Ship order': 0 tokens when the plan was made, 1 token now",
    ]);
  });

  it('notices a token that appeared even when every reference still exists', () => {
    const current = processTree(
      activityInstance(
        'sub:1',
        'sub',
        activityInstance('pick:1', 'pick'),
        activityInstance('pick:2', 'pick'),
      ),
      activityInstance('ship:1', 'ship'),
    );
    const report = findStalePlan(
      plan({ type: 'cancel', activityId: 'pick' }),
      runningOrderTree(),
      current,
      index,
    );
    expect(report).toEqual({
      missing: [],
      changes: [{ activityId: 'pick', label: "'Pick item'", before: 1, after: 2 }],
    });
  });
});

describe('rebasePlan', () => {
  it('removes the instructions whose instances are gone, each once, from the back', () => {
    const stale = plan(
      { type: 'cancel', activityInstanceId: 'pick:1' },
      { type: 'cancel', activityId: 'ship' },
      { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:1' },
    );
    const current = processTree(activityInstance('ship:1', 'ship'));
    const report = findStalePlan(stale, runningOrderTree(), current, index);
    const rebase = rebasePlan(report);
    expect(rebase.remove).toEqual([2, 0]);
    expect(rebase.removed.map((missing) => missing.message)).toEqual([
      'Instruction 1: the token 1 it cancels is gone.',
      'Instruction 3: the instance 1 it starts in is gone.',
    ]);
  });

  it('keeps every instruction when only token counts changed', () => {
    const current = processTree(
      activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
      activityInstance('decide:1', 'decide'),
    );
    const report = findStalePlan(
      plan({ type: 'cancel', activityId: 'ship' }),
      runningOrderTree(),
      current,
      index,
    );
    expect(report).not.toBeNull();
    expect(rebasePlan(report)).toEqual({ remove: [], removed: [] });
  });
});
