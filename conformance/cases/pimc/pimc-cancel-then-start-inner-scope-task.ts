import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-then-start-inner-scope-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationAndCreationInNestedOneScopeTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneScopeTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneScopeTaskProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0' } },
          { type: 'startBeforeActivity', activityId: 'innerTask' },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask'] }],
        },
        distinctRefs: [['activityId:innerTask#0', 'activityId:innerTask#0@initial']],
        tasks: { count: 2 },
      },
    },
    { completeTask: 'outerTask' },
    { completeTask: 'innerTask' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess', 'boundaryEvent', 'timer'],
  notes:
    'The cancellation removes the whole subProcess instance; the following startBefore re-creates a subProcess instance (new id) around innerTask.',
} satisfies ConformanceCase;
