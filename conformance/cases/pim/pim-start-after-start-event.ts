import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-after-start-event',
  camundaTest: 'ProcessInstanceModificationTest#testStartAfter',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modify: { instructions: [{ type: 'startAfterActivity', activityId: 'theStart' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'task1'] }, tasks: { count: 2 } } },
    { completeTask: 'task1' },
    { completeTask: 'task1' },
  ],
  expect: { ended: true },
  features: ['exclusiveGateway'],
  notes:
    'startAfter theStart takes flow1 into the exclusive gateway, whose condition routes to task1 again.',
} satisfies ConformanceCase;
