import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-async-before-transition-ends-instance',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelAsyncBeforeTransitionInstanceEndsProcessInstance',
  bpmn: ['ProcessInstanceModificationTest.asyncBeforeOneTaskProcess.bpmn20.xml'],
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
  features: ['asyncBefore'],
} satisfies ConformanceCase;
