import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-and-restart-async-before-transition',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelAndStartAsyncBeforeTransitionInstance',
  bpmn: ['ProcessInstanceModificationTest.asyncBeforeOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:theTask#0' } },
          { type: 'startBeforeActivity', activityId: 'theTask' },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: { transitions: ['theTask'] },
        jobs: [{ count: 1, noneFromSnapshot: 'initial' }],
      },
    },
    { executeJobs: true },
    { completeTask: 'theTask' },
  ],
  expect: { ended: true },
  features: ['asyncBefore'],
  notes: 'The re-started transition instance gets a new job (different job id).',
} satisfies ConformanceCase;
