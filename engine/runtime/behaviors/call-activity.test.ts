import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  runtimeWith,
  sequenceFlow as flow,
  string,
} from '../../testing/runtime-harness';

const CALLER = bpmnProcess(
  'caller',
  `<startEvent id="start"/>${flow('f0', 'start', 'call')}
   <callActivity id="call" calledElement="callee"><extensionElements>
     <camunda:in source="order" target="item"/><camunda:out source="verdict" target="result"/>
   </extensionElements></callActivity>${flow('f1', 'call', 'after')}<userTask id="after"/>`,
);

const CALLEE = bpmnProcess(
  'callee',
  `<startEvent id="start"/>${flow('f0', 'start', 'check')}<userTask id="check"/>
   ${flow('f1', 'check', 'end')}<endEvent id="end"/>`,
);

function calledInstance(engine: Awaited<ReturnType<typeof runtimeWith>>, callerId: string): string {
  const called = Object.values(engine.instance(callerId).activityInstances).find(
    (ai) => ai.activityId === 'call',
  )?.calledProcessInstanceId;
  if (!called) {
    throw new Error('no called instance');
  }
  return called;
}

describe('call activity', () => {
  it('starts the called process with the in-mapped variables and waits for it', async () => {
    const engine = await runtimeWith(CALLER, CALLEE);
    const id = engine.start('caller', { order: string('A-1') });
    const sub = calledInstance(engine, id);
    expect(engine.tree(id)).toBe('root[call]');
    expect(engine.tree(sub)).toBe('root[check]');
    expect(engine.instance(sub).superProcessInstanceId).toBe(id);
    expect(engine.variable(sub, 'item')).toBe('A-1');
    expect(engine.variable(sub, 'order')).toBeUndefined();
  });

  it('returns to the caller with the out-mapped variables when the called instance completes', async () => {
    const engine = await runtimeWith(CALLER, CALLEE);
    const id = engine.start('caller', { order: string('A-1') });
    const sub = calledInstance(engine, id);
    engine.completeTask(sub, 'check', { verdict: string('ok') });
    expect(engine.tree(sub)).toBe('ended');
    expect(engine.tree(id)).toBe('root[after]');
    expect(engine.variable(id, 'result')).toBe('ok');
  });

  it('ends the caller path when the called instance is cancelled', async () => {
    const engine = await runtimeWith(CALLER, CALLEE);
    const id = engine.start('caller', { order: string('A-1') });
    const sub = calledInstance(engine, id);
    engine.run((rt) => {
      const pi = rt.ctx.instance(sub);
      if (pi) {
        rt.deleteProcessInstance(pi, 'no longer needed');
      }
    });
    expect(engine.tree(sub)).toBe('ended');
    expect(engine.tree(id)).toBe('ended');
    expect(engine.store.historicProcessInstances.get(id)?.state).toBe('EXTERNALLY_TERMINATED');
  });
});
