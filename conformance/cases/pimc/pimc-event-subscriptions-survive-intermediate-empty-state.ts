import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-event-subscriptions-survive-intermediate-empty-state',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testProcessInstanceEventSubscriptionsPreservedOnIntermediateCancellation',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } },
          { type: 'startBeforeActivity', activityId: 'task1' },
        ],
      },
    },
  ],
  expect: {
    activityInstanceTree: { children: ['task1'] },
    eventSubscriptions: { count: 1, eventType: 'message', sameIdsAsSnapshot: 'initial' },
  },
  features: ['eventSubProcess', 'message'],
  notes:
    'The process-level message subscription of the interrupting event subprocess is neither deleted nor re-created when the instance is momentarily empty inside one modification.',
} satisfies ConformanceCase;
