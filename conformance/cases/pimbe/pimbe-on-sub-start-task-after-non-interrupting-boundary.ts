import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-on-sub-start-task-after-non-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testStartBeforeTaskAfterNonInterruptingBoundaryEventOnSubProcess',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingBoundaryEventOnSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'taskAfterBoundaryEvent' }],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['innerTask'] },
            'taskAfterBoundaryEvent',
          ],
        },
      },
    },
    { completeTask: 'innerTask' },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'subProcess'],
} satisfies ConformanceCase;
