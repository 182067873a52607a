import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-cancel-current-active-only',
  camundaTest: 'ModificationExecutionSyncTest#testCancelWithFlag',
  bpmn: ['fluent/ModificationExecutionTest.serviceTaskThenUserTask.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 1 },
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
  notes:
    "cancelCurrentActiveActivityInstances=true: the set of 'user' instances to cancel is fixed before any instruction runs, so the 'user' instance created by starting 'ser' survives.",
} satisfies ConformanceCase;
