import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-after-multiple-outgoing-flows',
  camundaTest: 'ProcessInstanceModificationTest#testStartAfterActivityAmbiguousTransitions',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modify: { instructions: [{ type: 'startAfterActivity', activityId: 'fork' }] } }],
  expect: {
    error: {
      status: 500,
      type: 'ProcessEngineException',
      messageContains: [
        'Cannot start after activity fork; activity has more than one outgoing sequence flow',
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
