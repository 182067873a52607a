import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-after-no-outgoing-flow',
  camundaTest: 'ProcessInstanceModificationTest#testStartAfterActivityNoOutgoingTransitions',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [{ modify: { instructions: [{ type: 'startAfterActivity', activityId: 'theEnd' }] } }],
  expect: {
    error: {
      status: 500,
      type: 'ProcessEngineException',
      messageContains: [
        'Cannot start after activity theEnd; activity has no outgoing sequence flow to take',
      ],
    },
  },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
