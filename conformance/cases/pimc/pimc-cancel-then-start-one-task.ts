import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-then-start-one-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationAndCreationInOneTaskProcess',
  bpmn: ['oneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:theTask#0' } },
          { type: 'startBeforeActivity', activityId: 'theTask' },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['theTask'] },
        distinctRefs: [['activityId:theTask#0', 'activityId:theTask#0@initial']],
        sameRefs: [['processInstanceId', 'processInstanceId@initial']],
      },
    },
    { completeTask: 'theTask' },
  ],
  expect: { ended: true },
  features: [],
  notes:
    'The intermediate state has no activity instance; the process instance must survive because another instruction follows. The new theTask instance has a new id; the root activity instance id (= process instance id) is unchanged.',
} satisfies ConformanceCase;
