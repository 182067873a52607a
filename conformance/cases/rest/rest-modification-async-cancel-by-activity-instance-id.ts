import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modification-async-cancel-by-activity-instance-id',
  camundaTest: 'ModificationRestServiceInteractionTest#executeInvalidModificationForCancelAllAsync',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'cancel', activityInstanceId: 'anActivityInstanceId' }],
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
  features: ['restValidation', 'modificationExecute', 'batch'],
  notes:
    "On /modification/execute(Async) only activity-based cancellation exists: 'cancel' needs activityId; activityInstanceId/transitionInstanceId/ancestorActivityInstanceId/variables are not supported there.",
} satisfies ConformanceCase;
