import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-all-concurrent-scope-tasks',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancelAllInConcurrentScopeTasksProcess',
  bpmn: ['ProcessInstanceModificationTest.parallelGatewayScopeTasks.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'task1' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'task1', 'task2'] } } },
    { modify: { instructions: [{ type: 'cancel', activityId: 'task1' }] } },
    { assert: { activityInstanceTree: { children: ['task2'] } } },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
