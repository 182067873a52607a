import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-unknown-ancestor',
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
            ancestorActivityInstanceId: 'noValidActivityInstanceId',
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
        "Cannot perform instruction: Start before activity 'subProcess' with ancestor activity instance 'noValidActivityInstanceId'; Ancestor activity instance 'noValidActivityInstanceId' does not exist",
      ],
    },
  },
  features: ['subProcess'],
  notes:
    "First assertion of the Java test. The second assertion (ancestor explicitly null -> 'ancestorActivityInstanceId is null') cannot be expressed over REST: a missing/null ancestorActivityInstanceId simply means 'no ancestor'.",
} satisfies ConformanceCase;
