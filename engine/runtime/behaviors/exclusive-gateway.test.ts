import { describe, expect, it } from 'vitest';
import {
  bpmnProcess,
  integer,
  runtimeWith,
  sequenceFlow as flow,
} from '../../testing/runtime-harness';

const gateway = (withDefault: boolean): string =>
  bpmnProcess(
    'choice',
    `<startEvent id="start"/>${flow('f0', 'start', 'xor')}
     <exclusiveGateway id="xor" ${withDefault ? 'default="toOther"' : ''}/>
     ${flow('toSmall', 'xor', 'small', '${amount &lt; 10}')}
     ${flow('toLarge', 'xor', 'large', '${amount >= 1000}')}
     ${withDefault ? flow('toOther', 'xor', 'other') : ''}
     <userTask id="small"/><userTask id="large"/><userTask id="other"/>`,
  );

describe('exclusive gateway', () => {
  it('takes the first flow whose condition holds', async () => {
    const engine = await runtimeWith(gateway(true));
    expect(engine.tree(engine.start('choice', { amount: integer(5) }))).toBe('root[small]');
    expect(engine.tree(engine.start('choice', { amount: integer(5000) }))).toBe('root[large]');
  });

  it('takes the default flow when no condition holds, even though it comes last', async () => {
    const engine = await runtimeWith(gateway(true));
    expect(engine.tree(engine.start('choice', { amount: integer(50) }))).toBe('root[other]');
  });

  it('refuses to continue without a true condition or a default flow, starting nothing', async () => {
    const engine = await runtimeWith(gateway(false));
    expect(() => engine.start('choice', { amount: integer(50) })).toThrow(
      "ENGINE-02004 No outgoing sequence flow for the element with id 'xor' could be selected for continuing the process.",
    );
    expect(engine.store.instances.size).toBe(0);
  });
});
