import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-async-after-transition-instance',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelAsyncAfterTransitionInstance',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelAsyncAfterOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    { completeTask: 'innerTask' },
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
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask#0' } },
        ],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] }, jobs: [{ count: 0 }] } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['asyncAfter', 'parallelGateway', 'subProcess'],
  notes:
    'After completing an asyncAfter task, the pending continuation is a transition instance whose activityId is the completed activity (innerTask).',
} satisfies ConformanceCase;
