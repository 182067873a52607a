import { describe, expect, it } from 'vitest';

import {
  ORDER_XML,
  activityInstance,
  processTree,
  runningOrderTree,
} from '../../../modification/testing/modification-fixtures';
import { ancestorOptions, ancestorProblem, planAncestorProblems } from './ancestors';
import { parseBpmnIndex } from '../../../modification/model/bpmn-index';
import type { ModificationInstruction } from '../../../modification/model/instruction';

const index = parseBpmnIndex(ORDER_XML, 'order');

const NESTED_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
  <process id="nested" isExecutable="true">
    <subProcess id="outer" name="Outer">
      <multiInstanceLoopCharacteristics><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
      <subProcess id="inner" name="Inner">
        <userTask id="task" name="Task"/>
      </subProcess>
    </subProcess>
  </process>
</definitions>`;

const twoSubprocesses = processTree(
  activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
  activityInstance('sub:2', 'sub', activityInstance('pick:2', 'pick')),
);

describe('ancestorOptions', () => {
  it('needs no choice when the flow scope has one instance', () => {
    const options = ancestorOptions(
      index,
      runningOrderTree(),
      [{ type: 'startBeforeActivity', activityId: 'pick' }],
      0,
    );
    expect(options).toEqual({
      flowScopeId: 'sub',
      nearestScopeId: 'sub',
      nearestInstanceIds: ['sub:1'],
      candidates: [
        { instanceId: 'sub:1', scopeId: 'sub', depth: 0, isProcessInstance: false },
        { instanceId: 'pi-1', scopeId: 'order', depth: 1, isProcessInstance: true },
      ],
      required: false,
    });
  });

  it('requires a choice when the nearest existing scope has several instances', () => {
    const options = ancestorOptions(
      index,
      twoSubprocesses,
      [{ type: 'startBeforeActivity', activityId: 'pick' }],
      0,
    );
    expect(options?.required).toBe(true);
    expect(options?.candidates.map((candidate) => candidate.instanceId)).toEqual([
      'sub:1',
      'sub:2',
      'pi-1',
    ]);
  });

  it('walks up to the process instance when the subprocess is not running', () => {
    const options = ancestorOptions(
      index,
      processTree(activityInstance('ship:1', 'ship')),
      [{ type: 'startBeforeActivity', activityId: 'pick' }],
      0,
    );
    expect(options).toMatchObject({ nearestScopeId: 'order', required: false });
  });

  it('applies earlier cancels: a cancelled subprocess is no candidate', () => {
    const instructions: ModificationInstruction[] = [
      { type: 'cancel', activityInstanceId: 'pick:2' },
      { type: 'startBeforeActivity', activityId: 'pick' },
    ];
    const options = ancestorOptions(index, twoSubprocesses, instructions, 1);
    expect(options?.nearestInstanceIds).toEqual(['sub:1']);
    expect(options?.required).toBe(false);
  });

  it('uses the multi-instance body as the scope of an inner activity, and the container for flows', () => {
    const nested = parseBpmnIndex(NESTED_XML);
    const tree = processTree(
      activityInstance(
        'body:1',
        'outer#multiInstanceBody',
        activityInstance('outer:1', 'outer', activityInstance('inner:1', 'inner')),
        activityInstance('outer:2', 'outer', activityInstance('inner:2', 'inner')),
      ),
    );
    const options = ancestorOptions(
      nested,
      tree,
      [{ type: 'startBeforeActivity', activityId: 'task' }],
      0,
    );
    expect(options?.flowScopeId).toBe('inner');
    expect(options?.required).toBe(true);
    expect(options?.candidates.map(({ instanceId, depth }) => [instanceId, depth])).toEqual([
      ['inner:1', 0],
      ['inner:2', 0],
      ['outer:1', 1],
      ['outer:2', 1],
      ['body:1', 2],
      ['pi-1', 3],
    ]);
    expect(
      ancestorOptions(nested, tree, [{ type: 'startBeforeActivity', activityId: 'outer' }], 0)
        ?.flowScopeId,
    ).toBe('outer#multiInstanceBody');
    expect(
      ancestorOptions(index, tree, [{ type: 'startTransition', transitionId: 's2' }], 0)
        ?.flowScopeId,
    ).toBe('sub');
    expect(
      ancestorOptions(index, tree, [{ type: 'startAfterActivity', activityId: 'approve' }], 0)
        ?.flowScopeId,
    ).toBe('order');
  });

  it('has nothing to choose for a cancel', () => {
    expect(
      ancestorOptions(index, twoSubprocesses, [{ type: 'cancel', activityId: 'x' }], 0),
    ).toBeNull();
  });
});

describe('ancestorProblem', () => {
  it('asks for a choice while the target is ambiguous', () => {
    const instructions: ModificationInstruction[] = [
      { type: 'startBeforeActivity', activityId: 'pick' },
    ];
    expect(ancestorProblem(index, twoSubprocesses, instructions, 0)).toBe(
      "'Pick items' has 2 running instances: choose which one the new token goes into.",
    );
    expect(
      ancestorProblem(
        index,
        twoSubprocesses,
        [{ type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:2' }],
        0,
      ),
    ).toBeNull();
  });

  it('rejects an ancestor that is gone, cancelled earlier, or not above the target', () => {
    const start = (ancestorActivityInstanceId: string): ModificationInstruction => ({
      type: 'startBeforeActivity',
      activityId: 'pick',
      ancestorActivityInstanceId,
    });
    expect(ancestorProblem(index, twoSubprocesses, [start('sub:9')], 0)).toBe(
      'The chosen instance 9 is no longer running: choose another.',
    );
    expect(
      ancestorProblem(
        index,
        twoSubprocesses,
        [{ type: 'cancel', activityId: 'pick' }, start('sub:1')],
        1,
      ),
    ).toBe('An earlier instruction cancels the chosen instance 1: choose another, or reorder.');
    expect(ancestorProblem(index, twoSubprocesses, [start('pick:1')], 0)).toBe(
      'The chosen instance 1 does not contain the target: choose another.',
    );
  });

  it('collects the problems of a whole plan by position', () => {
    const problems = planAncestorProblems(index, twoSubprocesses, [
      { type: 'cancel', activityId: 'ship' },
      { type: 'startBeforeActivity', activityId: 'pick' },
      { type: 'startBeforeActivity', activityId: 'ship' },
    ]);
    expect([...problems.keys()]).toEqual([1]);
  });
});
