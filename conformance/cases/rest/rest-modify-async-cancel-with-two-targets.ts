import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-async-cancel-with-two-targets',
  camundaTest: 'ProcessInstanceRestServiceInteractionTest#testInvalidModificationAsync',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modifyAsync: {
        instructions: [
          {
            type: 'cancel',
            activityId: 'anActivityId',
            activityInstanceId: 'anActivityInstanceId',
          },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: [
        "For instruction type 'cancel': exactly one, 'activityId', 'activityInstanceId', or 'transitionInstanceId', is required",
      ],
    },
    batchExists: false,
  },
  features: ['restValidation', 'batch', 'exclusiveGateway'],
} satisfies ConformanceCase;
