import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimev-start-before-message-start-event',
  camundaTest: 'ProcessInstanceModificationEventTest#testStartBeforeMessageStartEvent',
  bpmn: ['ProcessInstanceModificationTest.messageStart.bpmn20.xml'],
  processDefinitionKey: 'process',
  start: { byMessage: 'startMessage' },
  steps: [
    { snapshot: 'initial' },
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'theStart' }] } },
    {
      assert: {
        activityInstanceTree: { children: ['task', 'task'] },
        eventSubscriptions: { count: 1, scope: 'all', sameIdsAsSnapshot: 'initial' },
      },
    },
    { completeTask: 'task' },
    { completeTask: 'task' },
  ],
  expect: { ended: true },
  features: ['messageStartEvent'],
  notes:
    "Instance created by correlating message 'startMessage' (POST /message). Starting before the message start event just runs it as a none start event; no new (instance-level) subscription appears; the definition-level start subscription remains the only one (scope 'all' = query without processInstanceId).",
} satisfies ConformanceCase;
