import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-inner-last-child-scope-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationInNestedOneScopeTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneScopeTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneScopeTaskProcess',
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
  features: ['parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
  notes:
    'innerTask is the only child of the subProcess instance, so the subProcess instance is cancelled with it (cancellation propagates to the topmost ancestor that has no other child).',
} satisfies ConformanceCase;
