import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-start-task-inside-interrupting-esp',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeTaskInsideEventSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcess.bpmn20.xml'],
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
    { completeTask: 'task2' },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message'],
  notes:
    'Starting an activity inside an interrupting event subprocess other than its start event does NOT interrupt: it runs concurrently.',
} satisfies ConformanceCase;
