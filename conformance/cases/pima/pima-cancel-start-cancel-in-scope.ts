import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-start-cancel-in-scope',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelStartCancelInScope',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  start: {
    startInstructions: [
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
      { type: 'startBeforeActivity', activityId: 'outerTask' },
    ],
  },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
          { type: 'startBeforeActivity', activityId: 'innerTask2' },
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#1' } },
        ],
      },
    },
  ],
  expect: {
    activityInstanceTree: {
      children: ['outerTask', { activityId: 'subProcess', transitions: ['innerTask2'] }],
    },
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
