import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-process-instance-ids-with-null',
  camundaTest:
    'ModificationExecutionSyncTest#createModificationUsingProcessInstanceIdsListWithNullValue',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 0 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: 'processDefinitionId',
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
        processInstanceIds: ['foo', null, 'bar'],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ['Process instance ids contains null value'],
    },
  },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
