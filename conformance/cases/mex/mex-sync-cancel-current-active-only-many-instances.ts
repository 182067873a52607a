import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-cancel-current-active-only-many-instances',
  camundaTest: 'ModificationExecutionSyncTest#testCancelWithFlagForManyInstances',
  bpmn: ['fluent/ModificationExecutionTest.serviceTaskThenUserTask.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'startBeforeActivity', activityId: 'ser' },
          { type: 'cancel', activityId: 'user', cancelCurrentActiveActivityInstances: true },
        ],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user'] } } },
  features: ['modificationExecute', 'serviceTaskExpression'],
} satisfies ConformanceCase;
