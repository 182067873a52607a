import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-parent-scope-of-async-before-task',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelParentScopeOfAsyncBeforeActivity',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelAsyncBeforeOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', transitions: ['innerTask'] }],
        },
        jobs: [{ count: 1 }],
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
  features: ['asyncBefore', 'parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
