import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-interrupting-start-event-new-scope',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeStartEventInsideEventSubProcessInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcessInsideSubProcess.bpmn20.xml'],
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
    { completeTask: 'eventSubProcessTask' },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
  notes:
    'Interruption only affects the (newly created) subProcess scope; task1 outside is not touched.',
} satisfies ConformanceCase;
