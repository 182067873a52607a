import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-into-existing-parallel-body-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeInnerActivityParallelSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miParallelSubprocess',
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
                { activityId: 'miSubProcess', children: ['subProcessTask'] },
              ],
            },
          ],
        },
        taskVariables: [
          {
            taskDefinitionKey: 'subProcessTask',
            count: 4,
            each: { nrOfInstances: 4, nrOfCompletedInstances: 0, nrOfActiveInstances: 4 },
            distinctValues: { loopCounter: [0, 1, 2, 3] },
          },
        ],
      },
    },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess', 'variables'],
} satisfies ConformanceCase;
