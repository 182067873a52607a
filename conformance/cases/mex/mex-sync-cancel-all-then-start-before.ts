import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-cancel-all-then-start-before',
  camundaTest: 'ModificationExecutionSyncTest#testStartBeforeAndCancelAll',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'cancel', activityId: 'user1' },
          { type: 'startBeforeActivity', activityId: 'user2' },
        ],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user2'] } } },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
