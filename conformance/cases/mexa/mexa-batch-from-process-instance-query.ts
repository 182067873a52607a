import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-batch-from-process-instance-query',
  camundaTest: 'ModificationExecutionAsyncTest#testBatchCreationWithProcessInstanceQuery',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 15 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
        processInstanceQuery: { processDefinitionId: { ref: 'processDefinitionId' } },
      },
    },
  ],
  expect: {
    batch: {
      type: 'instance-modification',
      batchJobsPerSeed: 100,
      invocationsPerBatchJob: 1,
      suspended: false,
      totalJobs: 15,
    },
  },
  features: ['batch', 'processInstanceQuery'],
} satisfies ConformanceCase;
