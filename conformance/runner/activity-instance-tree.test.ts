import { describe, expect, it } from 'vitest';

import type { ActivityInstanceDto } from './activity-instance-tree';
import {
  countLeaves,
  matchTree,
  renderActualTree,
  renderExpectedTree,
} from './activity-instance-tree';
import type { ExpectedTree } from './conformance-case';
import { PD, TREE, leaf } from './test-fixtures';

const EXPECTED: ExpectedTree = {
  children: [
    { activityId: 'mi#multiInstanceBody', children: ['mi', 'mi'] },
    'task1',
    { activityId: 'sub', children: ['task1'], transitions: ['inner'] },
  ],
  transitions: ['inner'],
};

function rootWith(...children: ActivityInstanceDto[]): ActivityInstanceDto {
  return { ...leaf('pi', PD, null), childActivityInstances: children };
}

describe('matchTree', () => {
  it('ignores the order of children and transitions', () => {
    expect(matchTree(EXPECTED, TREE, PD)).toBe(true);
  });

  it('compares children as a multiset', () => {
    const actual = rootWith(leaf('a', 'task1', 'pi'), leaf('b', 'task2', 'pi'));
    expect(matchTree({ children: ['task2', 'task1'] }, actual, PD)).toBe(true);
    expect(matchTree({ children: ['task1', 'task1'] }, actual, PD)).toBe(false);
    expect(matchTree({ children: ['task1'] }, actual, PD)).toBe(false);
  });

  it('pairs equal-looking subtrees by content, not position', () => {
    const actual = rootWith(
      { ...leaf('s1', 'sub', 'pi'), childActivityInstances: [leaf('x', 'b', 's1')] },
      { ...leaf('s2', 'sub', 'pi'), childActivityInstances: [leaf('y', 'a', 's2')] },
    );
    const sub = (inner: string) => ({ activityId: 'sub', children: [inner] });
    expect(matchTree({ children: [sub('a'), sub('b')] }, actual, PD)).toBe(true);
    expect(matchTree({ children: [sub('a'), sub('a')] }, actual, PD)).toBe(false);
  });

  it('reads missing children and transitions as none', () => {
    expect(matchTree({}, TREE, PD)).toBe(false);
    const { transitions: _ignored, ...withoutTransitions } = EXPECTED;
    expect(matchTree(withoutTransitions, TREE, PD)).toBe(false);
    expect(matchTree({ ...EXPECTED, transitions: ['inner', 'inner'] }, TREE, PD)).toBe(false);
    expect(matchTree({}, leaf('pi', PD, null), PD)).toBe(true);
  });

  it('tells transition instances from activity instances of the same activity', () => {
    const actual = rootWith(leaf('a', 'task', 'pi'));
    expect(matchTree({ transitions: ['task'] }, actual, PD)).toBe(false);
    expect(matchTree({ children: ['task'] }, actual, PD)).toBe(true);
  });

  it('expects the root to be the process definition', () => {
    expect(matchTree(EXPECTED, TREE, 'other:1:x')).toBe(false);
  });
});

describe('rendering', () => {
  it('prints both trees compactly in one stable order', () => {
    expect(renderActualTree(TREE, PD)).toBe(
      'root[mi#multiInstanceBody[mi, mi], sub[task1, ~inner], task1, ~inner]',
    );
    expect(renderExpectedTree(EXPECTED, PD)).toBe(renderActualTree(TREE, PD));
    expect(renderExpectedTree({ children: ['b', 'a'] }, PD)).toBe('root[a, b]');
  });
});

describe('countLeaves', () => {
  it('counts non-root activity instances without child activity instances', () => {
    expect(countLeaves(TREE)).toBe(4);
    expect(countLeaves(leaf('pi', PD, null))).toBe(0);
  });
});
