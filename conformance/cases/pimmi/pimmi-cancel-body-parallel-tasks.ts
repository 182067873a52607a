import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-body-parallel-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelMultiInstanceBodyParallelTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelTasks.bpmn20.xml'],
  processDefinitionKey: 'miParallelUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    { modify: { instructions: [{ type: 'cancel', activityId: 'miTasks#multiInstanceBody' }] } },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
} satisfies ConformanceCase;
