import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-task2-start-interrupting-boundary-of-inactive-task',
  camundaTest: 'ProcessInstanceModificationBoundaryEventTest#testTask2AndStartBeforeBoundaryEvent',
  bpmn: ['ProcessInstanceModificationTest.interruptingBoundaryEvent.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'task1' },
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    { assert: { activityInstanceTree: { children: ['task2', 'taskAfterBoundaryEvent'] } } },
    { completeTask: 'task2' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message'],
  notes:
    'If the attached activity has no instance, nothing is interrupted; the boundary event path just starts concurrently.',
} satisfies ConformanceCase;
