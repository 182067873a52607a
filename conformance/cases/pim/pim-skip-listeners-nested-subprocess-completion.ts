import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-skip-listeners-nested-subprocess-completion',
  camundaTest: 'ProcessInstanceModificationTest#testSkipListenersOnSubProcessNested',
  bpmn: ['ProcessInstanceModificationTest.listenersOnSubProcessNested.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }],
        skipCustomListeners: true,
      },
    },
  ],
  expect: { ended: true },
  features: ['executionListener', 'subProcess', 'boundaryEvent', 'message'],
  notes:
    "The process and subProcess carry end listeners with delegateExpression ${listener}. The Java test passes a recording listener object; here no 'listener' variable exists, so any listener invocation would fail on the unresolvable expression. The instance must end without error.",
} satisfies ConformanceCase;
