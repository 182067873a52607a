import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-inner-sequential-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelInnerActivitySequentialTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialTasks.bpmn20.xml'],
  processDefinitionKey: 'miSequentialUserTasks',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:miTasks#0' } }],
      },
    },
  ],
  expect: { ended: true },
  features: ['multiInstance'],
  notes:
    'The running inner instance is the only child of the sequential body, so the body and the process instance are cancelled; no further sequential instance is created.',
} satisfies ConformanceCase;
