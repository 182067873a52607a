import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-subprocess-instance-scope-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testScopeCancellationInNestedOneScopeTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneScopeTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneScopeTaskProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:subProcess#0' } }],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] } } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
