import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-async-start-transition-without-transition-id',
  camundaTest: 'ProcessInstanceRestServiceInteractionTest#testInvalidModificationAsync',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modifyAsync: { instructions: [{ type: 'startTransition' }] } }],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startTransition': 'transitionId' must be set"],
    },
    batchExists: false,
  },
  features: ['restValidation', 'batch', 'exclusiveGateway'],
} satisfies ConformanceCase;
