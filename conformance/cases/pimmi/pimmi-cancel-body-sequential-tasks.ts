import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-body-sequential-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelMultiInstanceBodySequentialTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialTasks.bpmn20.xml'],
  processDefinitionKey: 'miSequentialUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    { modify: { instructions: [{ type: 'cancel', activityId: 'miTasks#multiInstanceBody' }] } },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
} satisfies ConformanceCase;
