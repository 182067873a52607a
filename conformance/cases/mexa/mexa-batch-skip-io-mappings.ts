import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-batch-skip-io-mappings',
  camundaTest: 'ModificationExecutionAsyncTest#testSkipIoMappingInvocation',
  bpmn: ['fluent/ModificationExecutionAsyncTest.testSkipIoMappingInvocation.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 1 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
        processInstanceIds: { ref: 'allInstances' },
        skipIoMappings: true,
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { activityInstanceTree: { children: ['user1', 'user2'] }, variableInstanceCount: 0 },
  features: ['batch', 'ioMapping'],
} satisfies ConformanceCase;
