import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-transition-skips-target-io-and-listeners',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelTransitionInstanceShouldNotInvokeIoMappingAndListenersOfTargetActivity',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeOneTaskProcessIoAndListeners.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask#0' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['outerTask'] },
        jobs: [{ count: 0 }],
        absentVariables: ['outputMappingExecuted', 'inputMappingExecuted'],
      },
    },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: [
    'asyncBefore',
    'asyncAfter',
    'parallelGateway',
    'subProcess',
    'ioMapping',
    'executionListener',
  ],
  notes:
    "innerTask (asyncBefore, not yet entered) has IO mappings and an end listener ${listener}. No 'listener' variable is set (the Java test uses a recording Java object): cancelling the transition instance must neither run the output mapping nor invoke the listener (which would fail on the unresolvable expression).",
} satisfies ConformanceCase;
