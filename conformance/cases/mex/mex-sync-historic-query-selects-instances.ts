import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mex-sync-historic-query-selects-instances',
  camundaTest: 'ModificationExecutionSyncTest#createSimpleModificationPlanWithHistoricQuery',
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
        historicProcessInstanceQuery: { processDefinitionId: { ref: 'processDefinitionId' } },
      },
    },
  ],
  expect: { forEachInstance: { activityInstanceTree: { children: ['user2'] } } },
  features: ['modificationExecute', 'historicProcessInstanceQuery'],
} satisfies ConformanceCase;
