import { describe, expect, it } from 'vitest';

import {
  ORDER_XML,
  activityInstance,
  processTree,
  runningOrderTree,
  transitionInstance,
} from '../../../modification/testing/modification-fixtures';
import { parseBpmnIndex } from '../../../modification/model/bpmn-index';
import { EMPTY_PLAN } from '../../../modification/model/instruction';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { badgesPerInstruction, describeBadges, pendingBadges } from './pending-badges';

const index = parseBpmnIndex(ORDER_XML, 'order');

function badges(
  instructions: ModificationInstruction[],
  tree = runningOrderTree(),
  withIndex = true,
) {
  return pendingBadges({ ...EMPTY_PLAN, instructions }, tree, withIndex ? index : undefined);
}

describe('pendingBadges', () => {
  it('counts a move as −1 at the source and +1 at the target', () => {
    expect(
      badges([
        { type: 'cancel', activityId: 'ship' },
        { type: 'startBeforeActivity', activityId: 'escalate' },
      ]),
    ).toEqual({ ship: { added: 0, removed: 1 }, escalate: { added: 1, removed: 0 } });
  });

  it('counts every current token of a cancelled activity, and nothing when there is none', () => {
    const tree = processTree(
      activityInstance('ship:1', 'ship'),
      activityInstance('ship:2', 'ship'),
      transitionInstance('exec-3', 'ship'),
    );
    expect(badges([{ type: 'cancel', activityId: 'ship' }], tree)).toEqual({
      ship: { added: 0, removed: 3 },
    });
    expect(badges([{ type: 'cancel', activityId: 'escalate' }], tree)).toEqual({});
  });

  it('does not count a token twice when a later cancel targets it again', () => {
    expect(
      badges([
        { type: 'cancel', activityInstanceId: 'pick:1' },
        { type: 'cancel', activityId: 'pick' },
        { type: 'cancel', activityInstanceId: 'sub:1' },
      ]),
    ).toEqual({ pick: { added: 0, removed: 1 } });
  });

  it('counts one instance and one async continuation as 1 each', () => {
    const tree = processTree(
      activityInstance('ship:1', 'ship'),
      transitionInstance('exec-2', 'escalate'),
    );
    expect(
      badges(
        [
          { type: 'cancel', activityInstanceId: 'ship:1' },
          { type: 'cancel', transitionInstanceId: 'exec-2' },
        ],
        tree,
      ),
    ).toEqual({ ship: { added: 0, removed: 1 }, escalate: { added: 0, removed: 1 } });
  });

  it('counts a whole multi-instance as its inner instances, on the activity', () => {
    const tree = processTree(
      activityInstance(
        'body:1',
        'approve#multiInstanceBody',
        activityInstance('approve:1', 'approve'),
        activityInstance('approve:2', 'approve'),
      ),
    );
    const restart: ModificationInstruction[] = [
      { type: 'cancel', activityInstanceId: 'body:1' },
      { type: 'startBeforeActivity', activityId: 'approve#multiInstanceBody' },
    ];
    // How many instances a start begins is the engine's prediction, never a guess.
    expect(badges(restart, tree)).toEqual({ approve: { added: 0, removed: 2, uncounted: 1 } });
    expect(
      pendingBadges({ ...EMPTY_PLAN, instructions: restart }, tree, index, new Map([[1, 3]])),
    ).toEqual({ approve: { added: 3, removed: 2 } });
  });

  it('counts cancelling the process instance on every token', () => {
    expect(badges([{ type: 'cancel', activityInstanceId: 'pi-1' }])).toEqual({
      pick: { added: 0, removed: 1 },
      ship: { added: 0, removed: 1 },
    });
  });

  it('puts starts on a flow and start after on its outgoing flow', () => {
    expect(
      badges([
        { type: 'startTransition', transitionId: 'yes' },
        { type: 'startAfterActivity', activityId: 'ship' },
      ]),
    ).toEqual({ yes: { added: 1, removed: 0 }, f5: { added: 1, removed: 0 } });
    expect(badges([{ type: 'startAfterActivity', activityId: 'ship' }], undefined, false)).toEqual({
      ship: { added: 1, removed: 0 },
    });
  });
});

describe('badgesPerInstruction', () => {
  it('gives each instruction its own tokens, and words them', () => {
    const perInstruction = badgesPerInstruction(
      {
        ...EMPTY_PLAN,
        instructions: [
          { type: 'cancel', activityId: 'ship' },
          { type: 'startBeforeActivity', activityId: 'escalate' },
          { type: 'cancel', activityId: 'ship' },
        ],
      },
      runningOrderTree(),
      index,
    );
    expect(perInstruction).toEqual([
      { ship: { added: 0, removed: 1 } },
      { escalate: { added: 1, removed: 0 } },
      {},
    ]);
    expect(describeBadges({ ship: { added: 1, removed: 2 } }, (id) => `'${id}'`)).toBe(
      "+1 'ship', −2 'ship'",
    );
    expect(describeBadges({ approve: { added: 0, removed: 0, uncounted: 1 } }, String)).toBe(
      '+? approve',
    );
  });
});
