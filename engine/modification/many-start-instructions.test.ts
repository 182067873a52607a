import { describe, expect, it } from 'vitest';
import type { ActivityInstanceTree } from '../engine-api';
import { ProcessEngine } from '../process-engine';

/** start → fork → sub(subStart → inner → subEnd) ∥ outer → join → end */
const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="nested" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f2" sourceRef="fork" targetRef="sub"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="outer"/>
    <subProcess id="sub">
      <startEvent id="subStart"/><sequenceFlow id="s1" sourceRef="subStart" targetRef="inner"/>
      <userTask id="inner"/><sequenceFlow id="s2" sourceRef="inner" targetRef="subEnd"/>
      <endEvent id="subEnd"/>
    </subProcess>
    <userTask id="outer"/>
    <sequenceFlow id="f4" sourceRef="sub" targetRef="join"/>
    <sequenceFlow id="f5" sourceRef="outer" targetRef="join"/>
    <parallelGateway id="join"/><sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

async function startNested(): Promise<{ engine: ProcessEngine; id: string }> {
  const engine = new ProcessEngine();
  await engine.deploy({ name: 'test', resources: [{ name: 'nested.bpmn', content: NESTED }] });
  const definition = engine.latestDefinition('nested');
  if (!definition) {
    throw new Error('nested is not deployed');
  }
  return { engine, id: engine.startProcessInstance(definition.id, {}).id };
}

function childrenOf(tree: ActivityInstanceTree | undefined, activityId: string) {
  return (tree?.childActivityInstances ?? []).filter((child) => child.activityId === activityId);
}

/** The start-instruction path finds scope instances through an index; it must see what each instruction changed. */
describe('many start instructions in one modification', () => {
  it('puts every token into the one existing sub-process instance', async () => {
    const { engine, id } = await startNested();
    const instructions = Array.from({ length: 2_000 }, () => ({
      type: 'startBeforeActivity' as const,
      activityId: 'inner',
    }));
    engine.modifyProcessInstance(id, instructions, {});
    const subs = childrenOf(engine.activityInstanceTree(id), 'sub');
    expect(subs).toHaveLength(1);
    expect(childrenOf(subs[0], 'inner')).toHaveLength(2_001);
  });

  it('sees a sub-process instance an earlier instruction created', async () => {
    const { engine, id } = await startNested();
    expect(() => {
      engine.modifyProcessInstance(
        id,
        [
          { type: 'startBeforeActivity', activityId: 'sub' },
          { type: 'startBeforeActivity', activityId: 'inner' },
        ],
        {},
      );
    }).toThrow('Ancestor activity execution is ambiguous for activity Activity(sub)');
  });

  it('starts sub-processes, cancels them and starts more, leaving tasks only to running tokens', async () => {
    const { engine, id } = await startNested();
    const startSub = { type: 'startBeforeActivity' as const, activityId: 'sub' };
    engine.modifyProcessInstance(
      id,
      [
        ...Array.from({ length: 300 }, () => startSub),
        { type: 'cancel', activityId: 'inner' },
        ...Array.from({ length: 200 }, () => startSub),
      ],
      {},
    );
    const subs = childrenOf(engine.activityInstanceTree(id), 'sub');
    expect(subs).toHaveLength(200);
    const inners = subs.flatMap((sub) => childrenOf(sub, 'inner').map((inner) => inner.id));
    const tasks = [...engine.tasks()].filter((task) => task.taskDefinitionKey === 'inner');
    expect(tasks.map((task) => task.activityInstanceId).sort()).toEqual(inners.sort());
  });

  it('forgets a sub-process instance an earlier instruction cancelled', async () => {
    const { engine, id } = await startNested();
    const before = childrenOf(engine.activityInstanceTree(id), 'sub')[0]?.id;
    engine.modifyProcessInstance(
      id,
      [
        { type: 'cancel', activityId: 'sub' },
        { type: 'startBeforeActivity', activityId: 'inner' },
        { type: 'startBeforeActivity', activityId: 'inner' },
      ],
      {},
    );
    const subs = childrenOf(engine.activityInstanceTree(id), 'sub');
    expect(subs).toHaveLength(1);
    expect(subs[0]?.id).not.toBe(before);
    expect(childrenOf(subs[0], 'inner')).toHaveLength(2);
  });
});

/** A modification in turns lets other commands run before it commits, and keeps its own work apart. */
describe('a modification in turns', () => {
  async function nestedInTurns(): Promise<{ engine: ProcessEngine; id: string }> {
    const engine = new ProcessEngine({ turnMs: 0 });
    await engine.deploy({ name: 'test', resources: [{ name: 'nested.bpmn', content: NESTED }] });
    const definition = engine.latestDefinition('nested');
    if (!definition) {
      throw new Error('nested is not deployed');
    }
    return { engine, id: engine.startProcessInstance(definition.id, {}).id };
  }

  const startInner = (count: number) =>
    Array.from({ length: count }, () => ({
      type: 'startBeforeActivity' as const,
      activityId: 'inner',
    }));

  it('lets other commands run, and shows nothing until it commits', async () => {
    const { engine, id } = await nestedInTurns();
    const definition = engine.latestDefinition('nested');
    const running = engine.modifyProcessInstanceInTurns(id, startInner(50), {});
    // Runs while the modification waits for its next turn.
    await Promise.resolve();
    const other = definition ? engine.startProcessInstance(definition.id, {}).id : '';
    const before = childrenOf(engine.activityInstanceTree(id), 'sub')[0];
    expect(childrenOf(before, 'inner')).toHaveLength(1);
    await running;
    const after = childrenOf(engine.activityInstanceTree(id), 'sub')[0];
    expect(childrenOf(after, 'inner')).toHaveLength(51);
    expect(engine.activityInstanceTree(other)).toBeDefined();
  });

  it('fails, changing nothing, when another command changed the instance meanwhile', async () => {
    const { engine, id } = await nestedInTurns();
    const running = engine.modifyProcessInstanceInTurns(id, startInner(50), {});
    await Promise.resolve();
    engine.modifyProcessInstance(id, [{ type: 'cancel', activityId: 'outer' }], {});
    await expect(running).rejects.toMatchObject({ type: 'OptimisticLockingException' });
    const tree = engine.activityInstanceTree(id);
    expect(childrenOf(tree, 'outer')).toHaveLength(0);
    expect(childrenOf(childrenOf(tree, 'sub')[0], 'inner')).toHaveLength(1);
  });
});
