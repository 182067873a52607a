import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-missing-process-definition-id',
  camundaTest: 'ModificationExecutionSyncTest#createModificationWithNullProcessDefinitionId',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 0 },
  steps: [
    {
      modifyMany: {
        instructions: [{ type: 'cancel', activityId: 'activityId' }],
        processInstanceIds: ['20', '1--0'],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ['processDefinitionId is null'],
    },
  },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
