import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-monitor-reschedules-while-jobs-remain',
  camundaTest: 'ModificationExecutionAsyncTest#testMonitorJobPollingForCompletion',
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
    { executeSeedJob: true },
    { assert: { batchJobs: { monitor: 1, monitorDueDate: 'none-or-now' } } },
    { executeMonitorJob: true },
  ],
  expect: { batchJobs: { monitor: 1, monitorDueDateSecondsAfterNow: 30 }, batchExists: true },
  features: ['batch'],
  notes:
    'The monitor job is first due immediately; while execution jobs remain it re-creates itself due after the batch poll time (default 30 s).',
} satisfies ConformanceCase;
