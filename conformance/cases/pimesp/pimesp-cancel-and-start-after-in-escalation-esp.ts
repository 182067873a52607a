import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-cancel-and-start-after-in-escalation-esp',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testProcessInstanceModificationInEventSubProcessCancellationAndRestart',
  bpmn: ['ProcessInstanceModificationEventSubProcessTest.testCancelAndRestart.bpmn20.xml'],
  processDefinitionKey: 'ProcessWithEventSubProcess',
  steps: [
    {
      assert: {
        activityInstanceTree: {
          children: [{ activityId: 'EventSubProcess', children: ['UserTaskEventSubProcess'] }],
        },
      },
    },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityId: 'UserTaskEventSubProcess' },
          { type: 'startAfterActivity', activityId: 'UserTaskEventSubProcess' },
        ],
      },
    },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'escalation'],
  notes:
    'The main flow already ended at the escalation end event; the non-interrupting escalation event subprocess holds the only task. Cancel + startAfter re-creates the event subprocess scope, which completes at once, so the process instance ends. The first tree assertion is implied by the model, not asserted by the Java test.',
} satisfies ConformanceCase;
