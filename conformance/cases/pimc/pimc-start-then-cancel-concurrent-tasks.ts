import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-start-then-cancel-concurrent-tasks',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCreationAndCancellationInConcurrentProcess',
  bpmn: ['ProcessInstanceModificationTest.parallelGateway.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'task1' },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0@initial' } },
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
  features: ['parallelGateway'],
} satisfies ConformanceCase;
