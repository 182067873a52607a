import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-task2-start-task-after-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask2AndStartBeforeTaskAfterNonInterruptingBoundaryEvent',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingBoundaryEvent.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'task1' },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'taskAfterBoundaryEvent' }],
      },
    },
    { assert: { activityInstanceTree: { children: ['task2', 'taskAfterBoundaryEvent'] } } },
    { completeTask: 'task2' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message'],
} satisfies ConformanceCase;
