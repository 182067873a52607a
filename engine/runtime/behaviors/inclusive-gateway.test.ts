import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../../testing/runtime-harness';
import type { TypedValue } from '../../variables';

const yes = (value: boolean): TypedValue => ({ type: 'Boolean', value, valueInfo: {} });

/** start → fork (a if ${a}, b if ${b}, default c) → join → after */
const INCLUSIVE = bpmnProcess(
  'inclusive',
  `<startEvent id="start"/>${flow('f0', 'start', 'fork')}<inclusiveGateway id="fork" default="toC"/>
   ${flow('toA', 'fork', 'a', '${a}')}${flow('toB', 'fork', 'b', '${b}')}${flow('toC', 'fork', 'c')}
   <userTask id="a"/><userTask id="b"/><userTask id="c"/>
   ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('jc', 'c', 'join')}
   <inclusiveGateway id="join"/>${flow('f1', 'join', 'after')}<userTask id="after"/>`,
);

describe('inclusive gateway', () => {
  it('takes every flow whose condition holds, the default only when none does', async () => {
    const engine = await runtimeWith(INCLUSIVE);
    expect(engine.tree(engine.start('inclusive', { a: yes(true), b: yes(true) }))).toBe(
      'root[a, b]',
    );
    expect(engine.tree(engine.start('inclusive', { a: yes(false), b: yes(false) }))).toBe(
      'root[c]',
    );
  });

  it('joins once no other token can still reach it', async () => {
    const engine = await runtimeWith(INCLUSIVE);
    const id = engine.start('inclusive', { a: yes(true), b: yes(true) });
    engine.completeTask(id, 'a');
    expect(engine.tree(id)).toBe('root[b, join]');
    engine.completeTask(id, 'b');
    expect(engine.tree(id)).toBe('root[after]');
  });

  it('does not wait for flows that were not taken', async () => {
    const engine = await runtimeWith(INCLUSIVE);
    const id = engine.start('inclusive', { a: yes(true), b: yes(false) });
    engine.completeTask(id, 'a');
    expect(engine.tree(id)).toBe('root[after]');
  });
});
