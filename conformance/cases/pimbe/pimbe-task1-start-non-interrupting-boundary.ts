import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-task1-start-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask1AndStartBeforeNonInterruptingBoundaryEvent',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingBoundaryEvent.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'taskAfterBoundaryEvent'] } } },
    { completeTask: 'task1' },
    { completeTask: 'taskAfterBoundaryEvent' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message'],
} satisfies ConformanceCase;
