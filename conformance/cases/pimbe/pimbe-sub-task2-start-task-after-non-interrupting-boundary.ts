import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-sub-task2-start-task-after-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testTask2AndStartBeforeTaskAfterNonInterruptingBoundaryEventInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingBoundaryEventInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { completeTask: 'innerTask1' },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'innerTaskAfterBoundaryEvent' }],
      },
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
