import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-cancel-transition-next-to-active-scope-task',
  camundaTest:
    'ProcessInstanceModificationAsyncTest#testCancelNestedConcurrentTransitionInstanceWithConcurrentScopeTask',
  bpmn: [
    'ProcessInstanceModificationTest.nestedParallelAsyncBeforeConcurrentScopeTaskProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'nestedConcurrentTasksProcess',
  steps: [
    { executeJob: { activityId: 'innerTask2' } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'outerTask',
            { activityId: 'subProcess', children: ['innerTask2'], transitions: ['innerTask1'] },
          ],
        },
      },
    },
    {
      modify: {
        instructions: [
          { type: 'cancel', transitionInstanceId: { ref: 'transitionActivityId:innerTask1#0' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask2'] }],
        },
        jobs: [{ activityId: 'innerTask1', count: 0 }],
      },
    },
    { completeTask: 'innerTask2' },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['asyncBefore', 'parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
} satisfies ConformanceCase;
