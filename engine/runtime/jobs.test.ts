import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../testing/runtime-harness';

/** start → prepare (asyncBefore) → ship (asyncAfter) → wait */
const ASYNC = bpmnProcess(
  'async',
  `<startEvent id="start"/>${flow('f0', 'start', 'prepare')}
   <task id="prepare" camunda:asyncBefore="true"/>${flow('f1', 'prepare', 'ship')}
   <task id="ship" camunda:asyncAfter="true"/>${flow('f2', 'ship', 'wait')}
   <userTask id="wait"/>`,
);

describe('async continuations', () => {
  it('stop before an asyncBefore activity as a transition instance with a job', async () => {
    const engine = await runtimeWith(ASYNC);
    const id = engine.start('async');
    expect(engine.tree(id)).toBe('root[~prepare]');
    const [job] = engine.jobs(id);
    expect(job).toMatchObject({
      handlerType: 'async-continuation',
      handlerConfiguration: 'async-before',
      activityId: 'prepare',
      retries: 3,
      dueDate: null,
    });
    expect(engine.instance(id).transitionInstances[job?.executionId ?? '']?.kind).toBe('before');
  });

  it('continue when the job runs, and stop again after an asyncAfter activity', async () => {
    const engine = await runtimeWith(ASYNC);
    const id = engine.start('async');
    const [before] = engine.jobs(id);
    if (!before) {
      throw new Error('no job');
    }
    engine.executeJob(before);
    expect(engine.tree(id)).toBe('root[~ship]');
    const [after] = engine.jobs(id);
    expect(after).toMatchObject({ handlerConfiguration: 'async-after', activityId: 'ship' });
    const ship = [...engine.store.historicActivityInstances.values()].find(
      (h) => h.activityId === 'ship',
    );
    expect(ship?.endTime).not.toBeNull();
    if (!after) {
      throw new Error('no job');
    }
    engine.executeJob(after);
    expect(engine.tree(id)).toBe('root[wait]');
    expect(engine.jobs(id)).toEqual([]);
  });

  it('take the job definition of the activity when one was deployed', async () => {
    const engine = await runtimeWith(ASYNC);
    engine.store.jobDefinitions.set('jd', {
      id: 'jd',
      processDefinitionId: 'async:1:0',
      processDefinitionKey: 'async',
      deploymentId: 'deployment',
      activityId: 'prepare',
      jobType: 'async-continuation',
      jobConfiguration: 'async-before',
      suspended: true,
      overridingJobPriority: 7,
      tenantId: null,
    });
    const id = engine.start('async');
    expect(engine.jobs(id)[0]).toMatchObject({
      jobDefinitionId: 'jd',
      suspended: true,
      priority: 7,
    });
  });
});
