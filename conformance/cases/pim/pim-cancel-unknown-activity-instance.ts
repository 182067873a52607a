import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-cancel-unknown-activity-instance',
  camundaTest: 'ProcessInstanceModificationTest#testCancelNonExistingActivityInstance',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: 'nonExistingActivityInstance' }],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Cancel activity instance 'nonExistingActivityInstance'; Activity instance 'nonExistingActivityInstance' does not exist",
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
