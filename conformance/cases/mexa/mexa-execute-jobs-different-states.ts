import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-execute-jobs-different-states',
  camundaTest:
    'ModificationExecutionAsyncTest#executeModificationJobsForProcessInstancesWithDifferentStates',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    { completeTask: 'user1', instance: 0 },
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: {
    instances: [
      { index: 0, activityInstanceTree: { children: ['user2', 'user2'] } },
      { index: 1, activityInstanceTree: { children: ['user1', 'user2'] } },
    ],
    batchJobs: { execution: 0, monitor: 1 },
  },
  features: ['batch'],
} satisfies ConformanceCase;
