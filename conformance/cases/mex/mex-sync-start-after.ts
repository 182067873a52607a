import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-start-after',
  camundaTest: 'ModificationExecutionSyncTest#testStartAfter',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startAfterActivity', activityId: 'user2' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user1', 'user3'] } } },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
