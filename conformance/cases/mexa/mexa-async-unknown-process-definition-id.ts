import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-async-unknown-process-definition-id',
  camundaTest:
    'ModificationExecutionAsyncTest#createModificationWithNonExistingProcessDefinitionId',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: 'foo',
        instructions: [{ type: 'cancel', activityId: 'activityId' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ['processDefinition is null'],
    },
  },
  features: ['batch'],
} satisfies ConformanceCase;
