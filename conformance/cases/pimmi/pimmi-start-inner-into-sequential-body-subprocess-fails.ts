import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-into-sequential-body-subprocess-fails',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeInnerActivitySequentialSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miSequentialSubprocess',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'miSubProcess',
            ancestorActivityInstanceId: { ref: 'activityId:miSubProcess#multiInstanceBody#0' },
          },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 500,
      type: 'ProcessEngineException',
      messageContains: [
        'Concurrent instantiation not possible for activities in scope miSubProcess#multiInstanceBody',
      ],
    },
  },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
