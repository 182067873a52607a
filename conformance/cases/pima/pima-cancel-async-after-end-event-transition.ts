import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-async-after-end-event-transition',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelAsyncAfterEndEventTransitionInstance',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelAsyncAfterEndEventProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedAsyncEndEventProcess',
  steps: [
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', transitions: ['subProcessEnd'] }],
        },
        jobs: [{ count: 1 }],
      },
    },
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:subProcessEnd#0' } },
        ],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] }, jobs: [{ count: 0 }] } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['asyncAfter', 'parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
