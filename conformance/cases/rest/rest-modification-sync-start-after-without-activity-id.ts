import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modification-sync-start-after-without-activity-id',
  camundaTest: 'ModificationRestServiceInteractionTest#executeInvalidModificationForStartAfterSync',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startAfterActivity': 'activityId' must be set"],
    },
  },
  features: ['restValidation', 'modificationExecute'],
} satisfies ConformanceCase;
