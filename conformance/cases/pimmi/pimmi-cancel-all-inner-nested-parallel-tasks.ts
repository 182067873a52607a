import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-all-inner-nested-parallel-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelAllInnerActivityNestedParallelTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.nestedParallelTasks.bpmn20.xml'],
  processDefinitionKey: 'nestedMiParallelUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    {
      assert: {
        activityInstanceTree: {
          children: [
            {
              activityId: 'miSubProcess#multiInstanceBody',
              children: [
                {
                  activityId: 'miSubProcess',
                  children: [
                    {
                      activityId: 'miTasks#multiInstanceBody',
                      children: ['miTasks', 'miTasks', 'miTasks'],
                    },
                  ],
                },
                {
                  activityId: 'miSubProcess',
                  children: [
                    {
                      activityId: 'miTasks#multiInstanceBody',
                      children: ['miTasks', 'miTasks', 'miTasks'],
                    },
                  ],
                },
                {
                  activityId: 'miSubProcess',
                  children: [
                    {
                      activityId: 'miTasks#multiInstanceBody',
                      children: ['miTasks', 'miTasks', 'miTasks'],
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    },
    { modify: { instructions: [{ type: 'cancel', activityId: 'miTasks' }] } },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
