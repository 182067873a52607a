import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../model/parse-bpmn';
import type { ProcessModel } from '../model/process-model';
import { ProcessEngine } from '../process-engine';
import type { TreeNode } from './predicted-warnings';
import { predictWarnings } from './predicted-warnings';
import { previewModification } from './preview-modification';

/**
 * start → task → fork → (pack → …, ship) → join → end; pack can be skipped by an exclusive
 * gateway, sub holds a fork and join of its own, and loop1 ↔ loop2 has no way out.
 */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="order" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task"/>
    <sequenceFlow id="f2" sourceRef="task" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="pack"/>
    <sequenceFlow id="f4" sourceRef="fork" targetRef="ship"/>
    <userTask id="pack"/>
    <sequenceFlow id="f5" sourceRef="pack" targetRef="join"/>
    <userTask id="ship"/>
    <sequenceFlow id="f6" sourceRef="ship" targetRef="join"/>
    <parallelGateway id="join"/>
    <sequenceFlow id="f7" sourceRef="join" targetRef="sub"/>
    <subProcess id="sub">
      <startEvent id="subStart"/>
      <sequenceFlow id="s1" sourceRef="subStart" targetRef="subFork"/>
      <parallelGateway id="subFork"/>
      <sequenceFlow id="s2" sourceRef="subFork" targetRef="left"/>
      <sequenceFlow id="s3" sourceRef="subFork" targetRef="right"/>
      <userTask id="left"/>
      <userTask id="right"/>
      <sequenceFlow id="s4" sourceRef="left" targetRef="subJoin"/>
      <sequenceFlow id="s5" sourceRef="right" targetRef="subJoin"/>
      <parallelGateway id="subJoin"/>
      <sequenceFlow id="s6" sourceRef="subJoin" targetRef="subEnd"/>
      <endEvent id="subEnd"/>
    </subProcess>
    <sequenceFlow id="f8" sourceRef="sub" targetRef="end"/>
    <endEvent id="end"/>
    <userTask id="loop1"/>
    <sequenceFlow id="l1" sourceRef="loop1" targetRef="loop2"/>
    <userTask id="loop2"/>
    <sequenceFlow id="l2" sourceRef="loop2" targetRef="loop1"/>
  </process>
</definitions>`;

async function model(): Promise<ProcessModel> {
  const parsed = await parseBpmn(XML, 'order.bpmn');
  const process = parsed.processes[0];
  if (!process) {
    throw new Error('no process');
  }
  return process;
}

/** `root(pack:1, ship:2)` style trees: children are activity instances unless marked async. */
function node(
  id: string,
  activityId: string,
  children: TreeNode[] = [],
  transitions: { id: string; activityId: string }[] = [],
): TreeNode {
  return {
    id,
    activityId,
    childActivityInstances: children,
    childTransitionInstances: transitions,
  };
}

const root = (children: TreeNode[], transitions: { id: string; activityId: string }[] = []) =>
  node('pi', 'order:1:x', children, transitions);

describe('predictWarnings', () => {
  it('warns when a branch is cancelled and the other would arrive at the join alone', async () => {
    const before = root([node('a1', 'pack'), node('a2', 'ship')]);
    const after = root([node('a1', 'pack')]);
    expect(predictWarnings(await model(), before, after)).toEqual([
      {
        kind: 'joinWaitsForever',
        joinId: 'join',
        scopeInstanceId: 'pi',
        waiting: 0,
        unreachableFlowIds: ['f6'],
      },
    ]);
  });

  it('warns about a token left waiting at a join that nothing else can reach', async () => {
    const before = root([node('j1', 'join'), node('a2', 'ship')]);
    const after = root([node('j1', 'join')]);
    expect(predictWarnings(await model(), before, after)).toEqual([
      expect.objectContaining({
        kind: 'joinWaitsForever',
        waiting: 1,
        unreachableFlowIds: ['f5', 'f6'],
      }),
    ]);
  });

  it('counts a waiting token for one of the flows, as the engine counts tokens', async () => {
    const tree = root([node('j1', 'join'), node('a2', 'ship')]);
    expect(predictWarnings(await model(), tree, tree)).toEqual([]);
  });

  it('sees that a token before the fork reaches every incoming flow of the join', async () => {
    const before = root([node('a1', 'pack'), node('a2', 'ship')]);
    const after = root([node('n1', 'task')]);
    expect(predictWarnings(await model(), before, after)).toEqual([]);
  });

  it('counts tokens in an async continuation as moving on', async () => {
    const before = root([node('a1', 'pack'), node('a2', 'ship')]);
    const after = root([node('a1', 'pack')], [{ id: 't1', activityId: 'ship' }]);
    expect(predictWarnings(await model(), before, after)).toEqual([]);
  });

  it('looks at each scope instance on its own', async () => {
    const sub = node('s1', 'sub', [node('l1', 'left')]);
    const before = root([node('s1', 'sub', [node('l1', 'left'), node('r1', 'right')])]);
    expect(predictWarnings(await model(), before, root([sub]))).toEqual([
      {
        kind: 'joinWaitsForever',
        joinId: 'subJoin',
        scopeInstanceId: 's1',
        waiting: 0,
        unreachableFlowIds: ['s5'],
      },
    ]);
  });

  it('warns about a started token from which no path leads to an end', async () => {
    const before = root([node('a1', 'task')]);
    const after = root([node('a1', 'task'), node('n1', 'loop1')]);
    expect(predictWarnings(await model(), before, after)).toEqual([
      { kind: 'tokenCannotFinish', activityId: 'loop1', instanceId: 'n1' },
    ]);
    // A token that was already there is not the plan's doing.
    expect(predictWarnings(await model(), after, after)).toEqual([]);
  });
});

describe('previewModification warnings', () => {
  it('says that the instance ends, and how', async () => {
    const engine = new ProcessEngine();
    const { definitions } = await engine.deploy({
      name: 'p',
      resources: [{ name: 'p.bpmn', content: XML }],
    });
    const definitionId = definitions[0]?.id ?? '';
    const id = engine.startProcessInstance(definitionId, {}).id;
    const tree = engine.activityInstanceTree(id);
    if (!tree) {
      throw new Error('no tree');
    }
    const preview = (
      instructions: { type: 'cancel' | 'startBeforeActivity'; activityId: string }[],
    ) =>
      previewModification({
        xml: XML,
        processDefinitionId: definitionId,
        processDefinitionKey: 'order',
        tree,
        body: { instructions },
      });
    expect(await preview([{ type: 'cancel', activityId: 'task' }])).toMatchObject({
      ended: true,
      warnings: [{ kind: 'instanceEnds', state: 'EXTERNALLY_TERMINATED' }],
    });
    expect(
      await preview([
        { type: 'cancel', activityId: 'task' },
        { type: 'startBeforeActivity', activityId: 'end' },
      ]),
    ).toMatchObject({ ended: true, warnings: [{ kind: 'instanceEnds', state: 'COMPLETED' }] });
    expect(
      await preview([
        { type: 'startBeforeActivity', activityId: 'pack' },
        { type: 'cancel', activityId: 'task' },
      ]),
    ).toMatchObject({
      ended: false,
      warnings: [{ kind: 'joinWaitsForever', joinId: 'join', unreachableFlowIds: ['f6'] }],
    });
  });
});
