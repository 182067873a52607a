import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-one-nested-concurrent-scope-tasks',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationInNestedConcurrentScopeTasksProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelGatewayScopeTasks.bpmn20.xml'],
  processDefinitionKey: 'nestedParallelGatewayScopeTasks',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask1#0' } }],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask2'] }],
        },
      },
    },
    { completeTask: 'outerTask' },
    { completeTask: 'innerTask2' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
