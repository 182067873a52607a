import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-transition-unknown-flow',
  camundaTest: 'ProcessInstanceModificationTest#testStartTransitionInvalidTransitionId',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modify: { instructions: [{ type: 'startTransition', transitionId: 'invalidFlowId' }] } },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Start transition 'invalidFlowId'; Element 'invalidFlowId' does not exist in process '",
      ],
    },
  },
  features: ['exclusiveGateway'],
  notes:
    'The Java test only asserts ProcessEngineException + message; the engine throws NotValidException (a BadUserRequestException), which the REST layer maps to 400.',
} satisfies ConformanceCase;
