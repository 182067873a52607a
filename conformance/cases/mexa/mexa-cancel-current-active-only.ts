import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-cancel-current-active-only',
  camundaTest: 'ModificationExecutionAsyncTest#testCancelWithFlag',
  bpmn: ['fluent/ModificationExecutionTest.serviceTaskThenUserTask.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 1 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'startBeforeActivity', activityId: 'ser' },
          { type: 'cancel', activityId: 'user', cancelCurrentActiveActivityInstances: true },
        ],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user'] } } },
  features: ['batch', 'serviceTaskExpression'],
} satisfies ConformanceCase;
