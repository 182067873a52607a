import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-parallel-sub-start-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testStartBeforeInterruptingBoundaryEventInsideSubProcess',
  bpmn: [
    'ProcessInstanceModificationTest.interruptingBoundaryEventWithParallelGatewayInsideSubProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [{ activityId: 'subProcess', children: ['task1', 'taskAfterBoundaryEvent'] }],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
