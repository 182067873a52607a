import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  runtimeWith,
  sequenceFlow as flow,
  string,
} from '../../testing/runtime-harness';

/** start → wait for message `go` → receive task `confirm` (message `ok`) → timer PT1H → done */
const WAITS = bpmnProcess(
  'waits',
  `<startEvent id="start"/>${flow('f0', 'start', 'go')}
   <intermediateCatchEvent id="go"><messageEventDefinition messageRef="goMessage"/></intermediateCatchEvent>
   ${flow('f1', 'go', 'confirm')}<receiveTask id="confirm" messageRef="okMessage"/>
   ${flow('f2', 'confirm', 'pause')}
   <intermediateCatchEvent id="pause"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
   ${flow('f3', 'pause', 'done')}<userTask id="done"/>`,
  `<message id="goMessage" name="go"/><message id="okMessage" name="ok"/>`,
);

describe('catching events and receive tasks', () => {
  it('wait for their message, take its variables and move on', async () => {
    const engine = await runtimeWith(WAITS);
    const id = engine.start('waits');
    expect(engine.tree(id)).toBe('root[go]');
    engine.correlate(id, 'go', { who: string('ann') });
    expect(engine.variable(id, 'who')).toBe('ann');
    expect(engine.tree(id)).toBe('root[confirm]');
    expect(Object.values(engine.instance(id).eventSubscriptions).map((s) => s.eventName)).toEqual([
      'ok',
    ]);
    engine.correlate(id, 'ok');
    expect(engine.tree(id)).toBe('root[pause]');
  });

  it('wait for their timer and move on when it fires', async () => {
    const engine = await runtimeWith(WAITS);
    const id = engine.start('waits');
    engine.correlate(id, 'go');
    engine.correlate(id, 'ok');
    const [timer] = engine.jobs(id);
    expect(timer).toMatchObject({
      handlerType: 'timer-intermediate-transition',
      dueDate: engine.time + 3_600_000,
    });
    if (!timer) {
      throw new Error('no timer');
    }
    engine.executeJob(timer);
    expect(engine.tree(id)).toBe('root[done]');
  });
});
