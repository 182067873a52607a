import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-async-start-after-without-activity-id',
  camundaTest: 'ProcessInstanceRestServiceInteractionTest#testInvalidModificationAsync',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modifyAsync: { instructions: [{ type: 'startAfterActivity' }] } }],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startAfterActivity': 'activityId' must be set"],
    },
    batchExists: false,
  },
  features: ['restValidation', 'batch', 'exclusiveGateway'],
} satisfies ConformanceCase;
