import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimev-start-before-intermediate-timer-catch',
  camundaTest: 'ProcessInstanceModificationEventTest#testStartBeforeIntermediateCatchEvent',
  bpmn: ['ProcessInstanceModificationTest.intermediateTimerCatch.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'intermediateCatchEvent' }],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['task', 'intermediateCatchEvent'] },
        jobs: [{ count: 1, activityId: 'intermediateCatchEvent' }],
      },
    },
    { completeTask: 'task' },
    { executeJobs: true },
  ],
  expect: { ended: true },
  features: ['timer'],
  notes:
    'A started intermediate timer catch event is an activity instance (not a transition instance) waiting for its timer job. executeJobs executes timer jobs regardless of due date.',
} satisfies ConformanceCase;
