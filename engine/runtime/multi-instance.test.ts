import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  integer,
  runtimeWith,
  sequenceFlow as flow,
} from '../testing/runtime-harness';

const miTask = (characteristics: string): string =>
  bpmnProcess(
    'mi',
    `<startEvent id="start"/>${flow('f0', 'start', 'review')}
     <userTask id="review">${characteristics}</userTask>
     ${flow('f1', 'review', 'after')}<userTask id="after"/>`,
  );

const PARALLEL_THREE = miTask(
  `<multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics>`,
);

describe('multi-instance body', () => {
  it('creates one inner instance per loop cardinality, with the body counters', async () => {
    const engine = await runtimeWith(PARALLEL_THREE);
    const id = engine.start('mi');
    expect(engine.tree(id)).toBe('root[review#multiInstanceBody[review, review, review]]');
    const pi = engine.instance(id);
    const body = Object.values(pi.activityInstances).find(
      (ai) => ai.activityId === 'review#multiInstanceBody',
    );
    expect(body?.variables?.['nrOfInstances']?.value.value).toBe(3);
    expect(body?.variables?.['nrOfActiveInstances']?.value.value).toBe(3);
    expect(body?.variables?.['nrOfCompletedInstances']?.value.value).toBe(0);
    const loopCounters = Object.values(pi.activityInstances)
      .filter((ai) => ai.activityId === 'review')
      .map((ai) => ai.variables?.['loopCounter']?.value.value);
    expect(loopCounters).toEqual([0, 1, 2]);
  });

  it('leaves the body once every inner instance completed', async () => {
    const engine = await runtimeWith(PARALLEL_THREE);
    const id = engine.start('mi');
    engine.completeTask(id, 'review');
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[review#multiInstanceBody[review]]');
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[after]');
  });

  it('gives each inner instance its element of the collection', async () => {
    const engine = await runtimeWith(
      miTask(
        `<multiInstanceLoopCharacteristics camunda:collection="\${reviewers}" camunda:elementVariable="reviewer"/>`,
      ),
    );
    const id = engine.start('mi', {
      reviewers: { type: 'Json', value: '["ann","bob"]', valueInfo: {} },
    });
    const reviewers = Object.values(engine.instance(id).activityInstances)
      .filter((ai) => ai.activityId === 'review')
      .map((ai) => ai.variables?.['reviewer']?.value.value);
    expect(reviewers).toEqual(['ann', 'bob']);
  });

  it('cancels the remaining inner instances once the completion condition holds', async () => {
    const engine = await runtimeWith(
      miTask(
        `<multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality><completionCondition>\${nrOfCompletedInstances >= 2}</completionCondition></multiInstanceLoopCharacteristics>`,
      ),
    );
    const id = engine.start('mi');
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[review#multiInstanceBody[review, review]]');
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[after]');
    const inner = [...engine.store.historicActivityInstances.values()].filter(
      (h) => h.activityId === 'review',
    );
    expect(inner.filter((h) => h.canceled)).toHaveLength(1);
  });

  it('runs a sequential body one inner instance after the other', async () => {
    const engine = await runtimeWith(
      miTask(
        `<multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>`,
      ),
    );
    const id = engine.start('mi');
    const loopCounter = (): unknown =>
      Object.values(engine.instance(id).activityInstances).find((ai) => ai.activityId === 'review')
        ?.variables?.['loopCounter']?.value.value;
    expect(engine.tree(id)).toBe('root[review#multiInstanceBody[review]]');
    expect(loopCounter()).toBe(0);
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[review#multiInstanceBody[review]]');
    expect(loopCounter()).toBe(1);
    engine.completeTask(id, 'review');
    expect(engine.tree(id)).toBe('root[after]');
  });

  it('skips the activity when the cardinality is zero', async () => {
    const engine = await runtimeWith(
      miTask(
        `<multiInstanceLoopCharacteristics><loopCardinality>\${count}</loopCardinality></multiInstanceLoopCharacteristics>`,
      ),
    );
    expect(engine.tree(engine.start('mi', { count: integer(0) }))).toBe('root[after]');
  });
});
