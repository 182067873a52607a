import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../../testing/runtime-harness';

/** start → fork → (stop → terminate end) ∥ (other → end) */
const TERMINATE = bpmnProcess(
  'terminate',
  `<startEvent id="start"/>${flow('f0', 'start', 'fork')}<parallelGateway id="fork"/>
   ${flow('f1', 'fork', 'stop')}${flow('f2', 'fork', 'other')}
   <userTask id="stop"/>${flow('f3', 'stop', 'kill')}
   <endEvent id="kill"><terminateEventDefinition/></endEvent>
   <userTask id="other"/>${flow('f4', 'other', 'end')}<endEvent id="end"/>`,
);

/** start → sub(fork → (stop → terminate) ∥ inner) → after */
const TERMINATE_IN_SUBPROCESS = bpmnProcess(
  'terminateSub',
  `<startEvent id="start"/>${flow('f0', 'start', 'sub')}
   <subProcess id="sub"><startEvent id="subStart"/>${flow('s0', 'subStart', 'fork')}
     <parallelGateway id="fork"/>${flow('s1', 'fork', 'stop')}${flow('s2', 'fork', 'inner')}
     <userTask id="stop"/>${flow('s3', 'stop', 'kill')}
     <endEvent id="kill"><terminateEventDefinition/></endEvent><userTask id="inner"/>
   </subProcess>${flow('f1', 'sub', 'after')}<userTask id="after"/>`,
);

describe('end events', () => {
  it('a none end event ends only its own path', async () => {
    const engine = await runtimeWith(TERMINATE);
    const id = engine.start('terminate');
    engine.completeTask(id, 'other');
    expect(engine.tree(id)).toBe('root[stop]');
  });

  it('a terminate end event cancels the rest of the process instance, which completes', async () => {
    const engine = await runtimeWith(TERMINATE);
    const id = engine.start('terminate');
    engine.completeTask(id, 'stop');
    expect(engine.tree(id)).toBe('ended');
    expect(engine.store.historicProcessInstances.get(id)?.state).toBe('COMPLETED');
    const other = [...engine.store.historicActivityInstances.values()].find(
      (h) => h.activityId === 'other',
    );
    expect(other?.canceled).toBe(true);
  });

  it('a terminate end event in a subprocess ends the subprocess, which the process leaves', async () => {
    const engine = await runtimeWith(TERMINATE_IN_SUBPROCESS);
    const id = engine.start('terminateSub');
    expect(engine.tree(id)).toBe('root[sub[inner, stop]]');
    engine.completeTask(id, 'stop');
    expect(engine.tree(id)).toBe('root[after]');
  });
});
