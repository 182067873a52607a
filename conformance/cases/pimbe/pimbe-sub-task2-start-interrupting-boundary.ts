import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-sub-task2-start-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask2AndStartBeforeBoundaryEventInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingBoundaryEventInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'innerTask1' },
    {
      modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'innerBoundaryEvent' }] },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['innerTask2', 'innerTaskAfterBoundaryEvent'] },
          ],
        },
      },
    },
    { completeTask: 'innerTask2' },
    { completeTask: 'innerTaskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'subProcess'],
} satisfies ConformanceCase;
