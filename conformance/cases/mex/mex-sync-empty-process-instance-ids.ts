import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-empty-process-instance-ids',
  camundaTest: 'ModificationExecutionSyncTest#createModificationWithEmptyProcessInstanceIdsList',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 0 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: 'processDefinitionId',
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
        processInstanceIds: [],
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
  notes:
    "Full engine message: 'Process instance ids cannot be empty: Process instance ids is empty'. The id check runs before the process definition lookup, so the bogus definition id is not reported.",
} satisfies ConformanceCase;
