import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-ancestor-not-in-parent-hierarchy',
  camundaTest: 'ProcessInstanceModificationTest#testStartBeforeWithInvalidAncestorInstanceId',
  bpmn: ['ProcessInstanceModificationTest.doubleNestedSubprocess.bpmn20.xml'],
  processDefinitionKey: 'doubleNestedSubprocess',
  steps: [
    {
      modify: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'subProcess',
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
        "Cannot perform instruction: Start before activity 'subProcess' with ancestor activity instance '",
        "' cannot be found in parent hierarchy of flow element 'subProcess'",
      ],
    },
  },
  features: ['subProcess'],
  notes:
    "Third assertion of the Java test: the given ancestor (an instance of subProcessTask) is a leaf, not an ancestor scope of the target. Message: \"Scope execution for '<id>' cannot be found in parent hierarchy of flow element 'subProcess'\".",
} satisfies ConformanceCase;
