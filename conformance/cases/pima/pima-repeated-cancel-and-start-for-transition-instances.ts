import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-repeated-cancel-and-start-for-transition-instances',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testRepeatedCancellationAndStartForTransitionInstance',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  start: {
    startInstructions: [
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
    ],
  },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask2' },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask2' },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#1' } },
        ],
      },
    },
  ],
  expect: {
    activityInstanceTree: { children: [{ activityId: 'subProcess', transitions: ['innerTask2'] }] },
  },
  features: [
    'asyncBefore',
    'parallelGateway',
    'subProcess',
    'startInstructions',
    'boundaryEvent',
    'timer',
  ],
} satisfies ConformanceCase;
