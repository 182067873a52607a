import { describe, expect, it } from 'vitest';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import {
  activityInstance,
  processTree,
  runningOrderTree,
  transitionInstance,
} from '../../../modification/testing/modification-fixtures';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { multiInstanceStarts } from './multi-instance-starts';
import type { PlanPreview } from '../../../modification/model/preview';

const START_WHOLE: ModificationInstruction = {
  type: 'startBeforeActivity',
  activityId: 'approve#multiInstanceBody',
};
const START_ONE: ModificationInstruction = { type: 'startBeforeActivity', activityId: 'approve' };

function predicted(tree: ActivityInstanceDto): PlanPreview {
  return { ok: true, ended: false, tree, warnings: [] };
}

/** A new body of Approve in the predicted tree, with `count` new inner instances. */
function newBody(id: string, count: number) {
  return activityInstance(
    id,
    'approve#multiInstanceBody',
    ...Array.from({ length: count }, (_, n) => activityInstance(`${id}-approve:${n}`, 'approve')),
  );
}

describe('multiInstanceStarts', () => {
  it('counts the inner instances the engine starts in the new body', () => {
    const now = runningOrderTree();
    const after = processTree(...now.childActivityInstances, newBody('body:new', 3));
    expect(multiInstanceStarts([START_WHOLE], now, predicted(after))).toEqual(new Map([[0, 3]]));
  });

  it('counts what the tree shows: one for a sequential body, one for a body that waits', () => {
    const now = runningOrderTree();
    expect(
      multiInstanceStarts([START_WHOLE], now, predicted(processTree(newBody('body:new', 1)))),
    ).toEqual(new Map([[0, 1]]));
    expect(
      multiInstanceStarts(
        [START_WHOLE],
        now,
        predicted(processTree(transitionInstance('exec-body', 'approve#multiInstanceBody'))),
      ),
    ).toEqual(new Map([[0, 1]]));
  });

  it('gives each start its own body, skipping one a single-instance start created', () => {
    const now = runningOrderTree();
    const after = processTree(newBody('body:a', 1), newBody('body:b', 3), newBody('body:c', 2));
    expect(
      multiInstanceStarts(
        [START_ONE, START_WHOLE, { type: 'cancel', activityId: 'ship' }, START_WHOLE],
        now,
        predicted(after),
      ),
    ).toEqual(
      new Map([
        [1, 3],
        [3, 2],
      ]),
    );
  });

  it('does not count bodies that were there before', () => {
    const now = processTree(newBody('body:old', 2));
    const after = processTree(newBody('body:old', 3), newBody('body:new', 4));
    expect(multiInstanceStarts([START_ONE, START_WHOLE], now, predicted(after))).toEqual(
      new Map([[1, 4]]),
    );
  });

  it('knows nothing without a predicted tree', () => {
    const now = runningOrderTree();
    expect(multiInstanceStarts([START_WHOLE], now, undefined)).toBeNull();
    expect(
      multiInstanceStarts([START_WHOLE], now, {
        ok: false,
        error: { type: 'ProcessEngineException', message: 'refused', status: 500 },
      }),
    ).toBeNull();
    expect(
      multiInstanceStarts([START_WHOLE], now, {
        ok: true,
        ended: true,
        state: 'COMPLETED',
        warnings: [],
      }),
    ).toBeNull();
  });
});
