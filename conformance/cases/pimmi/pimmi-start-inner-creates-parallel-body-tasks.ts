import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-creates-parallel-body-tasks',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartBeforeInnerActivityWithMiBodyParallelTasks',
  bpmn: ['ProcessInstanceModificationMultiInstanceTest.parallelTasks.bpmn20.xml'],
  processDefinitionKey: 'miParallelUserTasks',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'miTasks' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'beforeTask',
            { activityId: 'miTasks#multiInstanceBody', children: ['miTasks'] },
          ],
        },
        taskVariables: [
          {
            taskDefinitionKey: 'miTasks',
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
    { completeTask: 'miTasks' },
    { completeTask: 'afterTask' },
    { completeTask: 'beforeTask' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'afterTask' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'variables'],
  notes:
    'Starting an inner activity whose body is not active creates the body with exactly one inner instance (nrOfInstances=1, loopCounter=0); the cardinality expression is not evaluated.',
} satisfies ConformanceCase;
