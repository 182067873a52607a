import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-parallel-start-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testStartBeforeInterruptingBoundaryEvent',
  bpmn: ['ProcessInstanceModificationTest.interruptingBoundaryEventWithParallelGateway.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'taskAfterBoundaryEvent'] } } },
    { completeTask: 'task1' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'parallelGateway'],
  notes: 'Only the attached activity (task2) is interrupted; the concurrent task1 stays.',
} satisfies ConformanceCase;
