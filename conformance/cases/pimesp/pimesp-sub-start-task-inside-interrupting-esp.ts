import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-task-inside-interrupting-esp',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeTaskInsideEventSubProcessInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcessInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'eventSubProcessTask' }],
      },
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
    { completeTask: 'eventSubProcessTask' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
  notes:
    'The missing subProcess instance is created on the way (concurrently to task1). Completing task1 later creates a second, regular subProcess instance.',
} satisfies ConformanceCase;
