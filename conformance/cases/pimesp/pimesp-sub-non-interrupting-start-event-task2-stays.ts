import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-non-interrupting-start-event-task2-stays',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeStartEventInsideNonInterruptingEventSubProcessInsideSubProcessTask2ShouldStay',
  bpmn: [
    'ProcessInstanceModificationTest.nonInterruptingEventSubProcessInsideSubProcess.bpmn20.xml',
  ],
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
              children: [
                'task2',
                { activityId: 'eventSubProcess', children: ['eventSubProcessTask'] },
              ],
            },
          ],
        },
      },
    },
    { completeTask: 'task2' },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
} satisfies ConformanceCase;
