import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-task-inside-interrupting-esp-task2-stays',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeTaskInsideEventSubProcessInsideSubProcessTask2ShouldStay',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcessInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'task1' },
    {
      assert: {
        activityInstanceTree: { children: [{ activityId: 'subProcess', children: ['task2'] }] },
      },
    },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'eventSubProcessTask' }],
      },
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
