import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modify-async-empty-instructions-rejected',
  camundaTest:
    'ProcessInstanceRestServiceInteractionTest#modifyProcessInstanceAsync (empty body behaviour)',
  derivedFromSource: true,
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modifyAsync: { instructions: [] } }],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ['The provided instuctions are invalid.'],
    },
  },
  features: ['restValidation', 'batch', 'exclusiveGateway'],
  notes:
    'From ProcessInstanceResourceImpl.modifyProcessInstanceAsync: null/empty instructions -> 400 with this exact (misspelled) message.',
} satisfies ConformanceCase;
