import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-cancel-one-inner-parallel-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testCancelInnerActivityParallelSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miParallelSubprocess',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:miSubProcess#0' } },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            {
              activityId: 'miSubProcess#multiInstanceBody',
              children: [
                { activityId: 'miSubProcess', children: ['subProcessTask'] },
                { activityId: 'miSubProcess', children: ['subProcessTask'] },
              ],
            },
          ],
        },
      },
    },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
