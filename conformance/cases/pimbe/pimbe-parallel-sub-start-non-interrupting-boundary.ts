import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-parallel-sub-start-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testStartBeforeNonInterruptingBoundaryEventInsideSubProcess',
  bpmn: [
    'ProcessInstanceModificationTest.nonInterruptingBoundaryEventWithParallelGatewayInsideSubProcess.bpmn20.xml',
  ],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['task1', 'task2', 'taskAfterBoundaryEvent'] },
          ],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
