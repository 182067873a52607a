import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  runtimeWith,
  sequenceFlow as flow,
  string,
} from '../../testing/runtime-harness';

const MESSAGE = `<message id="escalate" name="escalate"/>`;

/** start → work (timer boundary `late`, message boundary `nudge`) → done */
const boundaries = (interrupting: boolean): string =>
  bpmnProcess(
    'guarded',
    `<startEvent id="start"/>${flow('f0', 'start', 'work')}
     <userTask id="work"/>${flow('f1', 'work', 'done')}<userTask id="done"/>
     <boundaryEvent id="late" attachedToRef="work" cancelActivity="${String(interrupting)}">
       <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
     </boundaryEvent>${flow('f2', 'late', 'chase')}<userTask id="chase"/>
     <boundaryEvent id="nudge" attachedToRef="work" cancelActivity="${String(interrupting)}">
       <messageEventDefinition messageRef="escalate"/>
     </boundaryEvent>${flow('f3', 'nudge', 'answer')}<userTask id="answer"/>`,
    MESSAGE,
  );

describe('boundary events', () => {
  it('subscribe while the activity runs and go with it', async () => {
    const engine = await runtimeWith(boundaries(true));
    const id = engine.start('guarded');
    expect(engine.jobs(id).map((job) => [job.handlerType, job.activityId])).toEqual([
      ['timer-transition', 'late'],
    ]);
    expect(engine.jobs(id)[0]?.dueDate).toBe(engine.time + 3_600_000);
    expect(Object.values(engine.instance(id).eventSubscriptions).map((s) => s.eventName)).toEqual([
      'escalate',
    ]);
    engine.completeTask(id, 'work');
    expect(engine.tree(id)).toBe('root[done]');
    expect(engine.jobs(id)).toEqual([]);
    expect(engine.instance(id).eventSubscriptions).toEqual({});
  });

  it('interrupting: cancel the activity and take the boundary path', async () => {
    const engine = await runtimeWith(boundaries(true));
    const id = engine.start('guarded');
    const [timer] = engine.jobs(id);
    if (!timer) {
      throw new Error('no timer');
    }
    engine.executeJob(timer);
    expect(engine.tree(id)).toBe('root[chase]');
    const work = [...engine.store.historicActivityInstances.values()].find(
      (h) => h.activityId === 'work',
    );
    expect(work?.canceled).toBe(true);
  });

  it('non-interrupting: keep the activity and start the boundary path beside it', async () => {
    const engine = await runtimeWith(boundaries(false));
    const id = engine.start('guarded');
    engine.correlate(id, 'escalate', { reason: string('waited') });
    expect(engine.tree(id)).toBe('root[answer, work]');
    expect(engine.variable(id, 'reason')).toBe('waited');
    engine.correlate(id, 'escalate');
    expect(engine.tree(id)).toBe('root[answer, answer, work]');
  });
});
