import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-one-of-two-nested-transition-instances',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelNestedConcurrentTransitionInstance',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', transitions: ['innerTask2'] }],
        },
        jobs: [{ count: 1 }, { activityId: 'innerTask2', count: 1 }],
      },
    },
    { completeTask: 'outerTask' },
    { executeJob: { activityId: 'innerTask2' } },
    { completeTask: 'innerTask2' },
  ],
  expect: { ended: true },
  features: ['asyncBefore', 'parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
