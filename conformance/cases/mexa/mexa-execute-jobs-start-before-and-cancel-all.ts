import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-execute-jobs-start-before-and-cancel-all',
  camundaTest: 'ModificationExecutionAsyncTest#executeModificationJobsForStartBeforeAndCancelAll',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'startBeforeActivity', activityId: 'user1' },
          { type: 'cancel', activityId: 'user1' },
        ],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { forEachInstance: { ended: true }, batchJobs: { execution: 0, monitor: 1 } },
  features: ['batch'],
  notes:
    'The cancel (without cancelCurrentActiveActivityInstances) also hits the user1 instance just started by the first instruction.',
} satisfies ConformanceCase;
