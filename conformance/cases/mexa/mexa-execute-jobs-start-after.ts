import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-execute-jobs-start-after',
  camundaTest: 'ModificationExecutionAsyncTest#executeModificationJobsForStartAfter',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: {
    forEachInstance: { activityInstanceTree: { children: ['user1', 'user2'] } },
    batchJobs: { execution: 0, monitor: 1 },
  },
  features: ['batch'],
} satisfies ConformanceCase;
