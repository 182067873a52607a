import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-start-transition-without-transition-id',
  camundaTest: 'ProcessInstanceRestServiceInteractionTest#testInvalidModification',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modify: { instructions: [{ type: 'startTransition' }] } }],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startTransition': 'transitionId' must be set"],
    },
    activityInstanceTree: { children: ['task1'] },
  },
  features: ['restValidation', 'exclusiveGateway'],
  notes:
    'Request-body validation done by the REST layer before the engine is called; the instance is unchanged.',
} satisfies ConformanceCase;
