import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-body-sequential-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelMultiInstanceBodySequentialSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miSequentialSubprocess',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: { instructions: [{ type: 'cancel', activityId: 'miSubProcess#multiInstanceBody' }] },
    },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
