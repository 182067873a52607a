import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-only-activity-one-scope-task',
  camundaTest: 'ProcessInstanceModificationCancellationTest#testCancellationInOneScopeTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.oneScopeTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:theTask#0' } }],
      },
    },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'timer'],
  notes:
    'Cancelling the last activity instance of the process instance ends (cancels) the process instance.',
} satisfies ConformanceCase;
