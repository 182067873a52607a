import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-start-sync-end-and-cancel-single-transition',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testStartBeforeSyncEndAndCancelSingleTransitionInstance',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  start: {
    startInstructions: [
      { type: 'startBeforeActivity', activityId: 'outerTask' },
      { type: 'startBeforeActivity', activityId: 'innerTask1' },
    ],
  },
  steps: [
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'subProcessEnd2' },
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
        ],
      },
    },
  ],
  expect: { activityInstanceTree: { children: ['outerTask'] } },
  features: [
    'asyncBefore',
    'parallelGateway',
    'subProcess',
    'startInstructions',
    'boundaryEvent',
    'timer',
  ],
  notes:
    'The started end event finishes its path at once; cancelling the last transition instance then cancels the subProcess instance (it is not completed, so its outgoing flow is not taken).',
} satisfies ConformanceCase;
