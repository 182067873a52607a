import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-unknown-activity',
  camundaTest: 'ProcessInstanceModificationTest#testStartBeforeNonExistingActivity',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'someNonExistingActivity' }],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Start before activity 'someNonExistingActivity'; Element 'someNonExistingActivity' does not exist in process '",
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
