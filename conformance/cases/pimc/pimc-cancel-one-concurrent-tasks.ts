import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-one-concurrent-tasks',
  camundaTest: 'ProcessInstanceModificationCancellationTest#testCancellationInConcurrentProcess',
  bpmn: ['ProcessInstanceModificationTest.parallelGateway.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } }],
      },
    },
    { assert: { activityInstanceTree: { children: ['task2'] } } },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['parallelGateway'],
} satisfies ConformanceCase;
