import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-interrupting-start-event-cancels-task2',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeStartEventInsideEventSubProcessInsideSubProcessTask2ShouldBeCancelled',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcessInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'task1' },
    {
      modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'eventProcessStart' }] },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            {
              activityId: 'subProcess',
              children: [{ activityId: 'eventSubProcess', children: ['eventSubProcessTask'] }],
            },
          ],
        },
      },
    },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
} satisfies ConformanceCase;
