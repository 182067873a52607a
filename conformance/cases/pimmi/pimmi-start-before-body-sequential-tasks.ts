import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-before-body-sequential-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeMultiInstanceBodySequentialTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialTasks.bpmn20.xml'],
  processDefinitionKey: 'miSequentialUserTasks',
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
            { activityId: 'miTasks#multiInstanceBody', children: ['miTasks'] },
            { activityId: 'miTasks#multiInstanceBody', children: ['miTasks'] },
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
} satisfies ConformanceCase;
