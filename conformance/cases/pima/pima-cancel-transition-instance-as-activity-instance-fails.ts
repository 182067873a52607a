import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-transition-instance-as-activity-instance-fails',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testCancelAsyncActivityInstanceFails',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelAsyncBeforeOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'transitionActivityId:innerTask#0' } },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Cancel activity instance '",
        'does not exist: activityInstance is null',
      ],
    },
  },
  features: ['asyncBefore', 'parallelGateway', 'subProcess'],
  notes:
    'A transition instance id is not an activity instance id; it can only be cancelled with transitionInstanceId.',
} satisfies ConformanceCase;
