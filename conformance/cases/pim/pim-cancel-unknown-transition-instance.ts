import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-cancel-unknown-transition-instance',
  camundaTest: 'ProcessInstanceModificationTest#testCancelNonExistingTranisitionInstance',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', transitionInstanceId: 'nonExistingActivityInstance' }],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Cancel transition instance 'nonExistingActivityInstance'; Transition instance 'nonExistingActivityInstance' does not exist",
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
