import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../../testing/runtime-harness';

const MESSAGES = `<message id="cancelMessage" name="cancel"/><message id="noteMessage" name="note"/><error id="broken" errorCode="BROKEN"/>`;

/**
 * start → work → fail (error end BROKEN); event subprocesses: `cancel` (interrupting message),
 * `note` (non-interrupting message), `repair` (error BROKEN).
 */
const HANDLED = bpmnProcess(
  'handled',
  `<startEvent id="start"/>${flow('f0', 'start', 'work')}<userTask id="work"/>
   ${flow('f1', 'work', 'fail')}<endEvent id="fail"><errorEventDefinition errorRef="broken"/></endEvent>
   <subProcess id="onCancel" triggeredByEvent="true">
     <startEvent id="cancelStart"><messageEventDefinition messageRef="cancelMessage"/></startEvent>
     ${flow('c0', 'cancelStart', 'cleanUp')}<userTask id="cleanUp"/>
   </subProcess>
   <subProcess id="onNote" triggeredByEvent="true">
     <startEvent id="noteStart" isInterrupting="false"><messageEventDefinition messageRef="noteMessage"/></startEvent>
     ${flow('n0', 'noteStart', 'read')}<userTask id="read"/>
   </subProcess>
   <subProcess id="onError" triggeredByEvent="true">
     <startEvent id="errorStart"><errorEventDefinition errorRef="broken"/></startEvent>
     ${flow('e0', 'errorStart', 'repair')}<userTask id="repair"/>
   </subProcess>`,
  MESSAGES,
);

describe('event subprocesses', () => {
  it('an interrupting one cancels the rest of its scope', async () => {
    const engine = await runtimeWith(HANDLED);
    const id = engine.start('handled');
    engine.correlate(id, 'cancel');
    expect(engine.tree(id)).toBe('root[onCancel[cleanUp]]');
  });

  it('a non-interrupting one runs beside the rest, and can start again', async () => {
    const engine = await runtimeWith(HANDLED);
    const id = engine.start('handled');
    engine.correlate(id, 'note');
    engine.correlate(id, 'note');
    expect(engine.tree(id)).toBe('root[onNote[read], onNote[read], work]');
  });

  it('an error one catches the error thrown by an end event in its scope', async () => {
    const engine = await runtimeWith(HANDLED);
    const id = engine.start('handled');
    engine.completeTask(id, 'work');
    expect(engine.tree(id)).toBe('root[onError[repair]]');
  });
});
