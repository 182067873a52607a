import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-cancel-without-flag',
  camundaTest: 'ModificationExecutionAsyncTest#testCancelWithoutFlag',
  bpmn: ['fluent/ModificationExecutionTest.serviceTaskThenUserTask.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 1 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'startBeforeActivity', activityId: 'ser' },
          { type: 'cancel', activityId: 'user' },
        ],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { ended: true, processInstancesRunning: 0 },
  features: ['batch', 'serviceTaskExpression'],
} satisfies ConformanceCase;
