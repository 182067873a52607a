import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modification-async-start-before-without-activity-id',
  camundaTest:
    'ModificationRestServiceInteractionTest#executeInvalidModificationForStartBeforeAsync',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startBeforeActivity' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startBeforeActivity': 'activityId' must be set"],
    },
  },
  features: ['restValidation', 'modificationExecute', 'batch'],
} satisfies ConformanceCase;
