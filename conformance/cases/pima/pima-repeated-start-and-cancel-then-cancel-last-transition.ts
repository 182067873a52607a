import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-repeated-start-and-cancel-then-cancel-last-transition',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testRepeatedStartAndCancellationForTransitionInstance',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  start: { startInstructions: [{ type: 'startBeforeActivity', activityId: 'innerTask1' }] },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask2' },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask2' },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask2' },
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
        ],
      },
    },
  ],
  expect: { ended: true },
  features: [
    'asyncBefore',
    'parallelGateway',
    'subProcess',
    'startInstructions',
    'boundaryEvent',
    'timer',
  ],
} satisfies ConformanceCase;
