import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-transition-with-ancestor-process-instance',
  camundaTest: 'ProcessInstanceModificationTest#testStartTransitionWithAncestorInstanceId',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    {
      modify: {
        instructions: [
          {
            type: 'startTransition',
            transitionId: 'flow4',
            ancestorActivityInstanceId: { ref: 'processInstanceId' },
          },
        ],
      },
    },
    { assert: { activityInstanceTree: { children: ['task1', 'task2'] } } },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
