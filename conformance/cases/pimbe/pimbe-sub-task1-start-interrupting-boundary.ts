import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-sub-task1-start-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask1AndStartBeforeBoundaryEventInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingBoundaryEventInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'innerBoundaryEvent' }] },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [{ activityId: 'subProcess', children: ['innerTaskAfterBoundaryEvent'] }],
        },
      },
    },
    { completeTask: 'innerTaskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'subProcess'],
} satisfies ConformanceCase;
