import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-delete-batch-no-cascade',
  camundaTest: 'ModificationExecutionAsyncTest#testBatchDeletionWithoutCascade',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { deleteBatch: { cascade: false } },
  ],
  expect: {
    batchExists: false,
    jobsTotal: 0,
    jobDefinitionsTotal: 0,
    forEachInstance: { activityInstanceTree: { children: ['user1'] } },
  },
  features: ['batch'],
} satisfies ConformanceCase;
