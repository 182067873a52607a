import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-cancel-with-two-targets',
  camundaTest: 'ProcessInstanceRestServiceInteractionTest#testInvalidModification',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
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
    activityInstanceTree: { children: ['task1'] },
  },
  features: ['restValidation', 'exclusiveGateway'],
  notes:
    'Request-body validation done by the REST layer before the engine is called; the instance is unchanged.',
} satisfies ConformanceCase;
