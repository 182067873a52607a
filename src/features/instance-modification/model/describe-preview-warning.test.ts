import { describe, expect, it } from 'vitest';

import { ORDER_XML } from '../../../modification/testing/modification-fixtures';
import { parseBpmnIndex } from '../../../modification/model/bpmn-index';
import { describePreviewWarning } from './describe-preview-warning';

const index = parseBpmnIndex(ORDER_XML, 'order');

describe('describePreviewWarning', () => {
  it('says how the instance would end', () => {
    expect(describePreviewWarning({ kind: 'instanceEnds', state: 'COMPLETED' }, index)).toEqual({
      title: 'The process instance would end',
      subtitle:
        'After this modification it completes, as if its last token had reached an end event (COMPLETED). Nothing can be modified afterwards.',
    });
  });

  it('names the flows a join would wait for by where they come from', () => {
    expect(
      describePreviewWarning(
        {
          kind: 'joinWaitsForever',
          joinId: 'join',
          scopeInstanceId: 'pi-1',
          waiting: 0,
          unreachableFlowIds: ['f4', 'yes'],
        },
        index,
      ),
    ).toEqual({
      title: "'join' would wait forever",
      subtitle:
        "A token would arrive there, but no token can come any more from 'Pick items' or along 'yes' from 'Paid?'. A parallel join goes on only once as many tokens have arrived as it has incoming flows.",
    });
  });

  it('says that a started token could never finish', () => {
    expect(
      describePreviewWarning(
        { kind: 'tokenCannotFinish', activityId: 'escalate', instanceId: 'preview-1' },
        index,
      ).title,
    ).toBe("The new token at 'Escalate' could never finish");
  });
});
