import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../../testing/runtime-harness';

/** start → fork → a, b, c → join → after → end */
const FORK_JOIN = bpmnProcess(
  'forkJoin',
  `<startEvent id="start"/>${flow('f0', 'start', 'fork')}
   <parallelGateway id="fork"/>
   ${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('fc', 'fork', 'c')}
   <userTask id="a"/><userTask id="b"/><userTask id="c"/>
   ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('jc', 'c', 'join')}
   <parallelGateway id="join"/>${flow('f1', 'join', 'after')}
   <userTask id="after"/>${flow('f2', 'after', 'end')}<endEvent id="end"/>`,
);

describe('parallel gateway', () => {
  it('forks one token per outgoing flow', async () => {
    const engine = await runtimeWith(FORK_JOIN);
    const id = engine.start('forkJoin');
    expect(engine.tree(id)).toBe('root[a, b, c]');
  });

  it('joins only when a token has arrived on every incoming flow', async () => {
    const engine = await runtimeWith(FORK_JOIN);
    const id = engine.start('forkJoin');
    engine.completeTask(id, 'a');
    engine.completeTask(id, 'c');
    expect(engine.tree(id)).toBe('root[b, join, join]');
    engine.completeTask(id, 'b');
    expect(engine.tree(id)).toBe('root[after]');
    engine.completeTask(id, 'after');
    expect(engine.tree(id)).toBe('ended');
    expect(engine.store.historicProcessInstances.get(id)?.state).toBe('COMPLETED');
  });

  it('ends the joined tokens but the one that goes on as completed, not cancelled', async () => {
    const engine = await runtimeWith(FORK_JOIN);
    const id = engine.start('forkJoin');
    for (const task of ['a', 'b', 'c']) {
      engine.completeTask(id, task);
    }
    const joins = [...engine.store.historicActivityInstances.values()].filter(
      (h) => h.activityId === 'join',
    );
    expect(joins).toHaveLength(3);
    expect(joins.every((h) => h.endTime !== null && !h.canceled)).toBe(true);
  });
});
