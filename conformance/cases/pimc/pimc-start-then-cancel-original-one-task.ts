import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-start-then-cancel-original-one-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCreationAndCancellationInOneTaskProcess',
  bpmn: ['oneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'theTask' },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:theTask#0@initial' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['theTask'] },
        distinctRefs: [['activityId:theTask#0', 'activityId:theTask#0@initial']],
      },
    },
    { completeTask: 'theTask' },
  ],
  expect: { ended: true },
  features: [],
} satisfies ConformanceCase;
