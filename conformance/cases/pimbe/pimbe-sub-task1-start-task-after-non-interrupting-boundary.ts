import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-sub-task1-start-task-after-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask1AndStartBeforeTaskAfterNonInterruptingBoundaryEventInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingBoundaryEventInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'innerTaskAfterBoundaryEvent' }],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['innerTask1', 'innerTaskAfterBoundaryEvent'] },
          ],
        },
      },
    },
    { completeTask: 'innerTask1' },
    { completeTask: 'innerTaskAfterBoundaryEvent' },
    { completeTask: 'innerTask2' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'subProcess'],
} satisfies ConformanceCase;
