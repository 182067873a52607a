import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-after-unknown-activity',
  camundaTest: 'ProcessInstanceModificationTest#testStartAfterNonExistingActivity',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startAfterActivity', activityId: 'someNonExistingActivity' }],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Start after activity 'someNonExistingActivity'; Activity 'someNonExistingActivity' does not exist: activity is null",
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
