import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-monitor-job-after-seed',
  camundaTest: 'ModificationExecutionAsyncTest#createMonitorJob',
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
  ],
  expect: {
    batchJobs: { seed: 0, execution: 10, monitor: 1 },
    batch: {
      type: 'instance-modification',
      batchJobsPerSeed: 100,
      invocationsPerBatchJob: 1,
      suspended: false,
      totalJobs: 10,
      jobsCreated: 10,
    },
  },
  features: ['batch'],
  notes:
    'With batchJobsPerSeed=100 one seed run creates all 10 execution jobs, deletes itself and creates the monitor job (no due date at first).',
} satisfies ConformanceCase;
