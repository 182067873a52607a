import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-monitor-removes-completed-batch',
  camundaTest: 'ModificationExecutionAsyncTest#testMonitorJobRemovesBatchAfterCompletion',
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
    { executeBatchJobs: true },
    { executeMonitorJob: true },
  ],
  expect: { batchExists: false, jobsTotal: 0, historicBatch: { completed: true } },
  features: ['batch'],
  notes:
    'historicBatch.completed (endTime set) is asserted by BatchModificationHistoryTest#testHistoricBatchCompletion for the same flow.',
} satisfies ConformanceCase;
