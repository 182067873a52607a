import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-skip-listeners-start-and-cancel',
  camundaTest: 'ProcessInstanceModificationTest#testSkipListenerInvocation',
  bpmn: ['ProcessInstanceModificationTest.subprocessListeners.bpmn20.xml'],
  processDefinitionKey: 'subprocess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'innerTask' }],
        skipCustomListeners: true,
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask'] }],
        },
      },
    },
    { snapshot: 'afterStart' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0@afterStart' } },
        ],
        skipCustomListeners: true,
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] } } },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:outerTask#0@afterStart' } },
        ],
        skipCustomListeners: true,
      },
    },
  ],
  expect: { ended: true },
  features: ['executionListener', 'subProcess'],
  notes:
    "subProcess and innerTask carry start/end listeners ${listener}; no 'listener' variable is set (the Java test passes a Java object), so with skipCustomListeners=true every request must succeed; an invoked listener would fail on the unresolvable expression.",
} satisfies ConformanceCase;
