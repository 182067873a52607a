import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-start-transition',
  camundaTest: 'ModificationExecutionSyncTest#testStartTransition',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startTransition', transitionId: 'seq' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user1', 'user2'] } } },
  features: ['modificationExecute'],
} satisfies ConformanceCase;
