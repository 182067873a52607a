import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-before-body-parallel-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeMultiInstanceBodyParallelSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miParallelSubprocess',
  steps: [
    { completeTask: 'beforeTask' },
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'miSubProcess#multiInstanceBody' },
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
                { activityId: 'miSubProcess', children: ['subProcessTask'] },
              ],
            },
            {
              activityId: 'miSubProcess#multiInstanceBody',
              children: [
                { activityId: 'miSubProcess', children: ['subProcessTask'] },
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
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess'],
} satisfies ConformanceCase;
