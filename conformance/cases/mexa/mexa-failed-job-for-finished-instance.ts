import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-failed-job-for-finished-instance',
  camundaTest: 'ModificationExecutionAsyncTest#testBatchExecutionFailureWithFinishedInstanceId',
  bpmn: ['ProcessInstanceModificationTest.syncAfterOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  start: { count: 3 },
  steps: [
    { completeTask: 'theTask', instance: 0 },
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'theStart' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: {
    instances: [
      { index: 0, ended: true },
      { index: 1, activityInstanceTree: { children: ['theTask', 'theTask'] } },
      { index: 2, activityInstanceTree: { children: ['theTask', 'theTask'] } },
    ],
    batchJobs: {
      execution: 1,
      executionJobs: [
        { retries: 2, exceptionMessageContains: ['ENGINE-13036', 'cannot be modified'] },
      ],
    },
  },
  features: ['batch'],
} satisfies ConformanceCase;
