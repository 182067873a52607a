import { describe, expect, it } from 'vitest';

import type { ActivityInstanceDto } from './activity-instance-tree';
import { PD, TREE, leaf } from './test-fixtures';
import type { RefScope } from './references';
import {
  TREE_REF_KINDS,
  collectRefs,
  lookupRef,
  parseRef,
  resolveRef,
  substituteRefs,
} from './references';

const OLD_TREE: ActivityInstanceDto = {
  ...leaf('old', PD, null),
  childActivityInstances: [leaf('task1:0', 'task1', 'old')],
};

const SCOPE: RefScope = {
  targetId: 'pi',
  tree: TREE,
  processDefinitionId: PD,
  instances: ['pi', 'pi2'],
  snapshots: { initial: { targetId: 'old', tree: OLD_TREE, instances: ['old'] } },
};

const resolve = (ref: string) => resolveRef(ref, SCOPE);

describe('resolveRef', () => {
  it('numbers activity instances in a depth-first pre-order walk', () => {
    expect(resolve('activityId:task1#0')).toBe('task1:1');
    expect(resolve('activityId:task1#1')).toBe('task1:2');
    expect(resolve('activityId:mi#1')).toBe('mi:3');
  });

  it('numbers a scope before the instances inside it', () => {
    const nested: ActivityInstanceDto = {
      ...leaf('pi', PD, null),
      childActivityInstances: [
        { ...leaf('outer', 'sub', 'pi'), childActivityInstances: [leaf('inner', 'sub', 'outer')] },
      ],
    };
    const scope = { ...SCOPE, tree: nested };
    expect(resolveRef('activityId:sub#0', scope)).toBe('outer');
    expect(resolveRef('activityId:sub#1', scope)).toBe('inner');
  });

  it('takes the index after the last # (multi-instance bodies)', () => {
    expect(resolve('activityId:mi#multiInstanceBody#0')).toBe('mi:1');
  });

  it('numbers transition instances in the same walk', () => {
    expect(resolve('transitionActivityId:inner#0')).toBe('exec:8');
    expect(resolve('transitionActivityId:inner#1')).toBe('exec:7');
  });

  it('resolves instance and definition references', () => {
    expect(resolve('processInstanceId')).toBe('pi');
    expect(resolve('processDefinitionId')).toBe(PD);
    expect(resolve('instance#1')).toBe('pi2');
    expect(resolve('allInstances')).toEqual(['pi', 'pi2']);
  });

  it('resolves @snapshot references against the recorded tree and instances', () => {
    expect(resolve('activityId:task1#0@initial')).toBe('task1:0');
    expect(resolve('processInstanceId@initial')).toBe('old');
    expect(resolve('allInstances@initial')).toEqual(['old']);
    expect(lookupRef('activityId:task1#0@initial', SCOPE).node?.parentActivityInstanceId).toBe(
      'old',
    );
  });

  it('says why a reference cannot be resolved', () => {
    expect(() => resolve('activityId:task1#2')).toThrow(
      /2 activity instance\(s\) of 'task1' in root\[/,
    );
    expect(() => resolve('transitionActivityId:task1#0')).toThrow(/0 transition instance/);
    expect(() => resolve('activityId:task1#0@later')).toThrow(/no snapshot 'later'/);
    expect(() => resolve('activityId:task2#0@initial')).toThrow(
      /in snapshot 'initial' root\[task1\]/,
    );
    expect(() => resolve('instance#5')).toThrow(/only 2 instance/);
    expect(() => resolve('executionId')).toThrow(/unknown reference/);
  });
});

describe('parseRef', () => {
  it('splits off the snapshot after the last @', () => {
    expect(parseRef('activityId:x#0@s')).toEqual({
      kind: 'activityId',
      activityId: 'x',
      index: 0,
      snapshot: 's',
    });
    expect(parseRef('instance#3')).toEqual({ kind: 'instance', index: 3, snapshot: null });
  });
});

describe('collectRefs and substituteRefs', () => {
  it('find only objects whose single key is ref', () => {
    const body = {
      a: [{ ref: 'activityId:x#0' }, { ref: 'processDefinitionId' }],
      b: { ref: 'x@s', other: 1 },
    };
    const refs = collectRefs(body);
    expect(refs).toEqual(['activityId:x#0', 'processDefinitionId']);
    expect(refs.map((ref) => TREE_REF_KINDS.has(parseRef(ref).kind))).toEqual([true, false]);
  });

  it('replace references deep inside request bodies', () => {
    const body = {
      processInstanceIds: { ref: 'allInstances' },
      instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:task1#1' } }],
      keep: { ref: 'x', extra: true },
    };
    expect(substituteRefs(body, resolve)).toEqual({
      processInstanceIds: ['pi', 'pi2'],
      instructions: [{ type: 'cancel', activityInstanceId: 'task1:2' }],
      keep: { ref: 'x', extra: true },
    });
  });
});
