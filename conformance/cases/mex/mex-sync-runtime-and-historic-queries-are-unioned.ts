import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-runtime-and-historic-queries-are-unioned',
  camundaTest:
    'ModificationExecutionSyncTest#createSimpleModificationPlanWithComplementaryRuntimeAndHistoryQueries',
  bpmn: ['fluent/ModificationExecutionSyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [
          { type: 'startBeforeActivity', activityId: 'user2' },
          { type: 'cancel', activityId: 'user1' },
        ],
        historicProcessInstanceQuery: { processInstanceId: { ref: 'instance#0' } },
        processInstanceQuery: { processInstanceIds: [{ ref: 'instance#1' }] },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user2'] } } },
  features: ['modificationExecute', 'historicProcessInstanceQuery', 'processInstanceQuery'],
  notes:
    'processInstanceIds, processInstanceQuery and historicProcessInstanceQuery are combined as a set union (duplicates removed). The runtime query DTO filters by a list: processInstanceIds.',
} satisfies ConformanceCase;
