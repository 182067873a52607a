import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-inner-last-child-task',
  camundaTest: 'ProcessInstanceModificationCancellationTest#testCancellationInNestedOneTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0' } }],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] } } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess'],
  notes:
    'innerTask is the only child of the subProcess instance, so the subProcess instance is cancelled with it (cancellation propagates to the topmost ancestor that has no other child).',
} satisfies ConformanceCase;
