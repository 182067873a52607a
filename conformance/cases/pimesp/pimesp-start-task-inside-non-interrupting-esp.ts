import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-start-task-inside-non-interrupting-esp',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeTaskInsideNonInterruptingEventSubProcess',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingEventSubProcess.bpmn20.xml'],
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
          children: ['task1', { activityId: 'eventSubProcess', children: ['eventSubProcessTask'] }],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'eventSubProcessTask' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message'],
} satisfies ConformanceCase;
