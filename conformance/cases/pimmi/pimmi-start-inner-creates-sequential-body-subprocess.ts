import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-creates-sequential-body-subprocess',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeInnerActivityWithMiBodySequentialSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.sequentialSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miSequentialSubprocess',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'subProcessTask' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'beforeTask',
            {
              activityId: 'miSubProcess#multiInstanceBody',
              children: [{ activityId: 'miSubProcess', children: ['subProcessTask'] }],
            },
          ],
        },
        taskVariables: [
          {
            taskDefinitionKey: 'subProcessTask',
            count: 1,
            each: {
              loopCounter: 0,
              nrOfInstances: 1,
              nrOfCompletedInstances: 0,
              nrOfActiveInstances: 1,
            },
          },
        ],
      },
    },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
    { completeTask: 'beforeTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess', 'variables'],
} satisfies ConformanceCase;
