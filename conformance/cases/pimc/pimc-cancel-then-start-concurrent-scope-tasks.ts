import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-then-start-concurrent-scope-tasks',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationAndCreationInConcurrentScopeTasksProcess',
  bpmn: ['ProcessInstanceModificationTest.parallelGatewayScopeTasks.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } },
          { type: 'startBeforeActivity', activityId: 'task1' },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['task1', 'task2'] },
        distinctRefs: [['activityId:task1#0', 'activityId:task1#0@initial']],
        tasks: { count: 2 },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
