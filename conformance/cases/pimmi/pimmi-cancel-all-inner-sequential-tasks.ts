import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-all-inner-sequential-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelAllInnerActivitySequentialTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialTasks.bpmn20.xml'],
  processDefinitionKey: 'miSequentialUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    { modify: { instructions: [{ type: 'cancel', activityId: 'miTasks' }] } },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
} satisfies ConformanceCase;
