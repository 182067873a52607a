import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-seed-job-created',
  camundaTest: 'ModificationExecutionAsyncTest#createSeedJob',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 3 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'user1' }],
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
      totalJobs: 3,
    },
    batchJobs: { seed: 1, execution: 0, monitor: 0 },
    batchJobDefinitions: {
      seed: { jobType: 'batch-seed-job', jobConfiguration: '${batchId}' },
      execution: { jobType: 'instance-modification' },
    },
  },
  features: ['batch'],
  notes:
    'The seed job and the seed/monitor/execution job definitions exist right after creation; the seed job has no process instance/execution/definition reference.',
} satisfies ConformanceCase;
