import { describe, expect, it } from 'vitest';

import {
  ORDER_XML,
  activityInstance,
  processTree,
  transitionInstance,
} from '../testing/modification-fixtures';
import { parseBpmnIndex } from './bpmn-index';
import { describeInstruction } from './describe-instruction';
import type { DescribeContext } from './describe-instruction';
import type { ModificationInstruction } from './instruction';

const tree = processTree(
  activityInstance(
    'sub:1a2b3c4d-0000',
    'sub',
    activityInstance('pick:1', 'pick'),
    activityInstance('pick:2', 'pick'),
  ),
  activityInstance('sub:2', 'sub', activityInstance('pick:3', 'pick')),
  activityInstance('ship:1', 'ship'),
  transitionInstance('exec-99', 'escalate'),
);
const context: DescribeContext = {
  index: parseBpmnIndex(ORDER_XML, 'order'),
  tree,
  startTimes: new Map([['sub:1a2b3c4d-0000', '2024-05-01 10:02:00']]),
};

describe('describeInstruction', () => {
  it.each<[ModificationInstruction, string]>([
    [{ type: 'cancel', activityId: 'pick' }, "Cancel all 3 tokens at 'Pick item'"],
    [{ type: 'cancel', activityId: 'ship' }, "Cancel the token at 'Ship order'"],
    [{ type: 'cancel', activityId: 'escalate' }, "Cancel the token at 'Escalate'"],
    [{ type: 'cancel', activityId: 'decide' }, "Cancel all tokens at 'Paid?' (none right now)"],
    [
      { type: 'cancel', activityId: 'sub' },
      "Cancel all 2 instances of 'Pick items' with everything inside them",
    ],
    [{ type: 'cancel', activityInstanceId: 'ship:1' }, "Cancel one token at 'Ship order' (1)"],
    [
      { type: 'cancel', activityInstanceId: 'sub:1a2b3c4d-0000' },
      "Cancel the instance of 'Pick items' with everything inside it (1a2b3c4d…, started 2024-05-01 10:02:00)",
    ],
    [{ type: 'cancel', activityInstanceId: 'pi-1' }, 'Cancel the whole process instance'],
    [
      { type: 'cancel', activityInstanceId: 'gone:1' },
      'Cancel activity instance gone:1 (no longer in the instance)',
    ],
    [
      { type: 'cancel', transitionInstanceId: 'exec-99' },
      "Cancel the waiting async continuation at 'Escalate' (exec-99; its job is deleted)",
    ],
    [{ type: 'startBeforeActivity', activityId: 'ship' }, "Start a new token before 'Ship order'"],
    [
      {
        type: 'startBeforeActivity',
        activityId: 'pick',
        ancestorActivityInstanceId: 'sub:1a2b3c4d-0000',
      },
      "Start a new token before 'Pick item' inside 'Pick items' instance 1a2b3c4d…, started 2024-05-01 10:02:00",
    ],
    [
      { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'pi-1' },
      "Start a new token before 'Pick item' directly in the process instance",
    ],
    [
      { type: 'startBeforeActivity', activityId: 'approve#multiInstanceBody' },
      "Start a new token before 'Approve' (whole multi-instance)",
    ],
    [
      { type: 'startAfterActivity', activityId: 'ship' },
      "Start a new token after 'Ship order' (on its outgoing flow to 'Paid?')",
    ],
    [{ type: 'startAfterActivity', activityId: 'decide' }, "Start a new token after 'Paid?'"],
    [
      { type: 'startTransition', transitionId: 'yes' },
      "Start a new token on the sequence flow 'yes' from 'Paid?' to 'join'",
    ],
    [
      {
        type: 'startBeforeActivity',
        activityId: 'ship',
        variables: [
          { name: 'priority', type: 'Integer', value: 1, local: true },
          { name: 'note', type: 'String', value: 'rush', local: false },
        ],
      },
      'Start a new token before \'Ship order\', setting priority = 1 (Integer, local), note = "rush" (String)',
    ],
  ])('%j', (instruction, sentence) => {
    expect(describeInstruction(instruction, context)).toBe(sentence);
  });
});
