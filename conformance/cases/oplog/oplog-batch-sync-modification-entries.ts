import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'oplog-batch-sync-modification-entries',
  camundaTest:
    'ModificationUserOperationLogTest#testBatchSyncModificationLogCreationWithAnnotation',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 1 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'cancel', activityId: 'user1' }],
        processInstanceIds: { ref: 'allInstances' },
        annotation: 'cancelation due to error',
      },
    },
  ],
  expect: {
    userOperationLog: [
      {
        operationType: 'ModifyProcessInstance',
        entityType: 'ProcessInstance',
        property: 'nrOfInstances',
        newValue: '1',
        orgValue: null,
        annotation: 'cancelation due to error',
        processInstanceId: null,
        processDefinitionId: { ref: 'processDefinitionId' },
        processDefinitionKey: 'process1',
        category: 'Operator',
        count: 1,
      },
      {
        operationType: 'ModifyProcessInstance',
        entityType: 'ProcessInstance',
        property: 'async',
        newValue: 'false',
        annotation: 'cancelation due to error',
        count: 1,
      },
    ],
    sameOperationId: true,
  },
  features: ['userOperationLog', 'authenticatedUser', 'modificationExecute'],
} satisfies ConformanceCase;
