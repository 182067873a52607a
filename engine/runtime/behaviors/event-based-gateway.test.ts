import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  runtimeWith,
  sequenceFlow as flow,
  string,
} from '../../testing/runtime-harness';

/** start → gateway → (message `paid` → ship) | (timer PT5M → remind) */
const RACE = bpmnProcess(
  'race',
  `<startEvent id="start"/>${flow('f0', 'start', 'gateway')}<eventBasedGateway id="gateway"/>
   ${flow('toPaid', 'gateway', 'paid')}${flow('toLate', 'gateway', 'late')}
   <intermediateCatchEvent id="paid"><messageEventDefinition messageRef="paidMessage"/></intermediateCatchEvent>
   <intermediateCatchEvent id="late"><timerEventDefinition><timeDuration>PT5M</timeDuration></timerEventDefinition></intermediateCatchEvent>
   ${flow('f1', 'paid', 'ship')}${flow('f2', 'late', 'remind')}<userTask id="ship"/><userTask id="remind"/>`,
  `<message id="paidMessage" name="paid"/>`,
);

describe('event-based gateway', () => {
  it('waits at the gateway for each event behind it', async () => {
    const engine = await runtimeWith(RACE);
    const id = engine.start('race');
    expect(engine.tree(id)).toBe('root[gateway]');
    expect(engine.jobs(id).map((job) => [job.handlerType, job.activityId])).toEqual([
      ['timer-intermediate-transition', 'late'],
    ]);
    expect(Object.values(engine.instance(id).eventSubscriptions).map((s) => s.activityId)).toEqual([
      'paid',
    ]);
  });

  it('follows the message when it comes first, dropping the timer', async () => {
    const engine = await runtimeWith(RACE);
    const id = engine.start('race');
    engine.correlate(id, 'paid', { amount: string('12') });
    expect(engine.tree(id)).toBe('root[ship]');
    expect(engine.jobs(id)).toEqual([]);
    expect(engine.variable(id, 'amount')).toBe('12');
    const paid = [...engine.store.historicActivityInstances.values()].find(
      (h) => h.activityId === 'paid',
    );
    expect(paid?.endTime).not.toBeNull();
  });

  it('follows the timer when it fires first, dropping the subscription', async () => {
    const engine = await runtimeWith(RACE);
    const id = engine.start('race');
    const [timer] = engine.jobs(id);
    if (!timer) {
      throw new Error('no timer');
    }
    engine.executeJob(timer);
    expect(engine.tree(id)).toBe('root[remind]');
    expect(engine.instance(id).eventSubscriptions).toEqual({});
  });
});
