import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'oplog-batch-async-modification-entries',
  camundaTest: 'ModificationUserOperationLogTest#testLogCreation',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
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
        newValue: '10',
        orgValue: null,
        processInstanceId: null,
        processDefinitionId: { ref: 'processDefinitionId' },
        processDefinitionKey: 'process1',
        category: 'Operator',
        annotation: 'cancelation due to error',
        count: 1,
      },
      {
        operationType: 'ModifyProcessInstance',
        entityType: 'ProcessInstance',
        property: 'async',
        newValue: 'true',
        orgValue: null,
        category: 'Operator',
        annotation: 'cancelation due to error',
        count: 1,
      },
    ],
    sameOperationId: true,
  },
  features: ['userOperationLog', 'authenticatedUser', 'batch'],
  notes:
    'Merges testLogCreation (entry shape, 10 instances) and testBatchAsyncModificationLogCreationWithAnnotation (annotation on both entries). Executing the batch jobs later writes no further ProcessInstance entries (testNoCreationOnSyncBatchJobExecution).',
} satisfies ConformanceCase;
