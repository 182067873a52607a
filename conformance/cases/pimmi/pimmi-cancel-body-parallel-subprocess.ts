import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-body-parallel-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelMultiInstanceBodyParallelSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miParallelSubprocess',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: { instructions: [{ type: 'cancel', activityId: 'miSubProcess#multiInstanceBody' }] },
    },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
