import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-creates-parallel-body-with-nr-of-instances',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeInnerActivityWithMiBodySetNrOfInstancesParallelSubprocess',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelSubprocess.bpmn20.xml'],
  processDefinitionKey: 'miParallelSubprocess',
  steps: [
    {
      modify: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'subProcessTask',
            variables: { nrOfInstances: { value: 3, type: 'Integer', local: false } },
          },
        ],
      },
    },
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
              nrOfInstances: 3,
              nrOfCompletedInstances: 0,
              nrOfActiveInstances: 1,
            },
          },
        ],
      },
    },
    { completeTask: 'subProcessTask' },
    { assert: { activityInstanceTree: { children: ['beforeTask', 'afterTask'] } } },
    { completeTask: 'beforeTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'subProcess', 'variables'],
  notes:
    'The non-local instruction variable nrOfInstances=3 overwrites the body-local nrOfInstances. A parallel body still completes when its last active inner instance completes (joining counts concurrent executions, not nrOfInstances).',
} satisfies ConformanceCase;
