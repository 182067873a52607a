import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-parent-scope-of-two-async-before-scope-tasks',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelParentScopeOfParallelAsyncBeforeScopeActivity',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  steps: [
    {
      assert: {
        activityInstanceTree: {
          children: [
            'outerTask',
            { activityId: 'subProcess', transitions: ['innerTask1', 'innerTask2'] },
          ],
        },
        jobs: [{ count: 2 }],
      },
    },
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:subProcess#0' } }],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] }, jobs: [{ count: 0 }] } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['asyncBefore', 'parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
