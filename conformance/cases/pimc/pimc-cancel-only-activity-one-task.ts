import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-only-activity-one-task',
  camundaTest: 'ProcessInstanceModificationCancellationTest#testCancellationInOneTaskProcess',
  bpmn: ['oneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:theTask#0' } }],
      },
    },
  ],
  expect: { ended: true },
  features: [],
  notes:
    'Cancelling the last activity instance of the process instance ends (cancels) the process instance.',
} satisfies ConformanceCase;
