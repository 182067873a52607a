import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-non-interrupting-start-event-new-scope',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeStartEventInsideNonInterruptingEventSubProcessInsideSubProcess',
  bpmn: [
    'ProcessInstanceModificationTest.nonInterruptingEventSubProcessInsideSubProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'eventProcessStart' }] },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'task1',
            {
              activityId: 'subProcess',
              children: [{ activityId: 'eventSubProcess', children: ['eventSubProcessTask'] }],
            },
          ],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
} satisfies ConformanceCase;
