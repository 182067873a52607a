import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-after-ancestor-not-in-parent-hierarchy',
  camundaTest: 'ProcessInstanceModificationTest#testStartAfterWithInvalidAncestorInstanceId',
  bpmn: ['ProcessInstanceModificationTest.doubleNestedSubprocess.bpmn20.xml'],
  processDefinitionKey: 'doubleNestedSubprocess',
  steps: [
    {
      modify: {
        instructions: [
          {
            type: 'startAfterActivity',
            activityId: 'innerSubProcessStart',
            ancestorActivityInstanceId: { ref: 'activityId:subProcessTask#0' },
          },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'NotValidException',
      messageContains: [
        "Cannot perform instruction: Start after activity 'innerSubProcessStart' with ancestor activity instance '",
        "' cannot be found in parent hierarchy of flow element 'flow5'",
      ],
    },
  },
  features: ['subProcess'],
  notes:
    "Third assertion of the Java test: the given ancestor (an instance of subProcessTask) is a leaf, not an ancestor scope of the target. Message: \"Scope execution for '<id>' cannot be found in parent hierarchy of flow element 'flow5'\".",
} satisfies ConformanceCase;
