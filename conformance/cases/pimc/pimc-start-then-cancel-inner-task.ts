import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-start-then-cancel-inner-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCreationAndCancellationInNestedOneTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'innerTask' },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0@initial' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask'] }],
        },
        distinctRefs: [['activityId:innerTask#0', 'activityId:innerTask#0@initial']],
        sameRefs: [['activityId:subProcess#0', 'activityId:subProcess#0@initial']],
        tasks: { count: 2 },
      },
    },
    { completeTask: 'outerTask' },
    { completeTask: 'innerTask' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess'],
  notes:
    'startBefore innerTask reuses the single existing subProcess instance; cancelling the original innerTask then leaves the new one, so the subProcess instance survives (same id). The sameRefs assertion is implied by the instruction semantics, not asserted by the Java test.',
} satisfies ConformanceCase;
