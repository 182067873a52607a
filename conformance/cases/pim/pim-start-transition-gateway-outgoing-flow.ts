import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-transition-gateway-outgoing-flow',
  camundaTest: 'ProcessInstanceModificationTest#testStartTransitionCase2',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modify: { instructions: [{ type: 'startTransition', transitionId: 'flow2' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'task1'] }, tasks: { count: 2 } } },
    { completeTask: 'task1' },
    { completeTask: 'task1' },
  ],
  expect: { ended: true },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
