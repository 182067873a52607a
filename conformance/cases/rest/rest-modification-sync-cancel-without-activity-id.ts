import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modification-sync-cancel-without-activity-id',
  camundaTest: 'ModificationRestServiceInteractionTest#executeInvalidModificationForCancelAllSync',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'cancel' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'cancel': 'activityId' must be set"],
    },
  },
  features: ['restValidation', 'modificationExecute'],
  notes:
    "On /modification/execute(Async) only activity-based cancellation exists: 'cancel' needs activityId; activityInstanceId/transitionInstanceId/ancestorActivityInstanceId/variables are not supported there.",
} satisfies ConformanceCase;
