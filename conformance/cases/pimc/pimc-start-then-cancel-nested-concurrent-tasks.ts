import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-start-then-cancel-nested-concurrent-tasks',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCreationAndCancellationInNestedConcurrentProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelGateway.bpmn20.xml'],
  processDefinitionKey: 'nestedParallelGateway',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'innerTask1' },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask1#0@initial' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'outerTask',
            { activityId: 'subProcess', children: ['innerTask1', 'innerTask2'] },
          ],
        },
        distinctRefs: [['activityId:innerTask1#0', 'activityId:innerTask1#0@initial']],
        tasks: { count: 3 },
      },
    },
    { completeTask: 'outerTask' },
    { completeTask: 'innerTask1' },
    { completeTask: 'innerTask2' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
