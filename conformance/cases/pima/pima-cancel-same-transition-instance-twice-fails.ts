import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-same-transition-instance-twice-fails',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelTransitionInstanceTwiceFails',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelAsyncBeforeOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  start: {
    startInstructions: [
      { type: 'startBeforeActivity', activityId: 'innerTask' },
      { type: 'startBeforeActivity', activityId: 'innerTask' },
    ],
  },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask#0' } },
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask#0' } },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Cancel transition instance '",
        'does not exist: transitionInstance is null',
      ],
    },
    activityInstanceTree: {
      children: [{ activityId: 'subProcess', transitions: ['innerTask', 'innerTask'] }],
    },
  },
  features: ['asyncBefore', 'parallelGateway', 'subProcess', 'startInstructions'],
  notes:
    'CAM-4090. The whole request fails atomically: afterwards the tree is unchanged (tree assertion is implied by transactional semantics, not asserted by the Java test).',
} satisfies ConformanceCase;
