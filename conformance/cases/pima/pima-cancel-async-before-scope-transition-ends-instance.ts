import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-async-before-scope-transition-ends-instance',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelAsyncBeforeScopeTransitionInstanceEndsProcessInstance',
  bpmn: ['ProcessInstanceModificationTest.asyncBeforeOneScopeTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    { assert: { activityInstanceTree: { transitions: ['theTask'] } } },
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:theTask#0' } },
        ],
      },
    },
  ],
  expect: { ended: true },
  features: ['asyncBefore', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
