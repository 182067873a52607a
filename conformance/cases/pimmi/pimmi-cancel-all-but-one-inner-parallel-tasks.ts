import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-all-but-one-inner-parallel-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelInnerActivityParallelTasksAllButOne',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelTasks.bpmn20.xml'],
  processDefinitionKey: 'miParallelUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:miTasks#0' } },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:miTasks#1' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [{ activityId: 'miTasks#multiInstanceBody', children: ['miTasks'] }],
        },
      },
    },
    { completeTask: 'miTasks' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
} satisfies ConformanceCase;
