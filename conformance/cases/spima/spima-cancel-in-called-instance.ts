import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-cancel-in-called-instance',
  camundaTest: 'SingleProcessInstanceModificationAsyncTest#testCancelCallActivityInstance',
  bpmn: [
    'ProcessInstanceModificationTest.testCancelCallActivityParentProcess.bpmn',
    'ProcessInstanceModificationTest.testCancelCallActivityChildProcess.bpmn',
  ],
  processDefinitionKey: 'parentprocess',
  steps: [
    {
      on: 'subProcessInstance#0',
      modifyAsync: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'childEnd',
            ancestorActivityInstanceId: { ref: 'processInstanceId' },
          },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0' } },
        ],
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { ended: true, processInstancesRunning: 0 },
  features: ['batch', 'callActivity'],
  notes:
    "Ancestor 'processInstanceId' refers to the target (called) instance. Starting childEnd only finishes a concurrent path; cancelling innerTask then leaves the called instance without any activity, which counts as cancellation (not completion). The cancellation propagates to the caller, whose only activity is the call activity, so the caller is cancelled as well and does NOT continue to outerTask. (The synchronous twin, ProcessInstanceModificationTest#FAILING_testCancelCallActivityInstance, is disabled in the Camunda suite.)",
} satisfies ConformanceCase;
