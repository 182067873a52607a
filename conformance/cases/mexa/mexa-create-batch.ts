import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-create-batch',
  camundaTest: 'ModificationExecutionAsyncTest#createBatchModification',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'user2' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    batch: {
      type: 'instance-modification',
      batchJobsPerSeed: 100,
      invocationsPerBatchJob: 1,
      suspended: false,
      totalJobs: 2,
      jobsCreated: 0,
    },
    forEachInstance: { activityInstanceTree: { children: ['user1'] } },
  },
  features: ['batch'],
  notes: 'Nothing is modified until the batch jobs run.',
} satisfies ConformanceCase;
