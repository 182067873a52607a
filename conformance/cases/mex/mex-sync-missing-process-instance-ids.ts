import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-missing-process-instance-ids',
  camundaTest: 'ModificationExecutionSyncTest#createModificationWithNullProcessInstanceIdsList',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 0 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: 'processDefinitionId',
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ['Process instance ids is empty'],
    },
  },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
