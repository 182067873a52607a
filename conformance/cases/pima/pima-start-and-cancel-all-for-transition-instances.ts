import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-start-and-cancel-all-for-transition-instances',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testStartAndCancelAllForTransitionInstance',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  start: {
    startInstructions: [
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
    ],
  },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', activityId: 'innerTask1' },
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
