import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-listener-invoked-without-skip',
  camundaTest: 'ProcessInstanceModificationTest#testActivityExecutionListenerInvocation',
  derivedFromSource: true,
  bpmn: ['ProcessInstanceModificationTest.subprocessListeners.bpmn20.xml'],
  processDefinitionKey: 'subprocess',
  steps: [{ modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'innerTask' }] } }],
  expect: { error: { status: 500, messageContains: ['listener'] } },
  derivedExpect: { activityInstanceTree: { children: ['outerTask'] } },
  features: ['executionListener', 'subProcess'],
  notes:
    "Derived counterpart of testActivityExecutionListenerInvocation: without skipCustomListeners the start listeners of subProcess/innerTask are invoked; since no 'listener' variable exists the expression cannot be resolved and the whole modification fails and is rolled back (Camunda: ProcessEngineException/PropertyNotFoundException, HTTP 500). The tree must still be just outerTask afterwards.",
} satisfies ConformanceCase;
