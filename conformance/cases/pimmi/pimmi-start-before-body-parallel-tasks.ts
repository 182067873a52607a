import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-before-body-parallel-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeMultiInstanceBodyParallelTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelTasks.bpmn20.xml'],
  processDefinitionKey: 'miParallelUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'miTasks#multiInstanceBody' }],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            {
              activityId: 'miTasks#multiInstanceBody',
              children: ['miTasks', 'miTasks', 'miTasks'],
            },
            {
              activityId: 'miTasks#multiInstanceBody',
              children: ['miTasks', 'miTasks', 'miTasks'],
            },
          ],
        },
      },
    },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'afterTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
  notes:
    "The multi-instance body is addressed with the activity id '<activityId>#multiInstanceBody'. Starting before the body creates a complete second multi-instance (loopCardinality 3).",
} satisfies ConformanceCase;
