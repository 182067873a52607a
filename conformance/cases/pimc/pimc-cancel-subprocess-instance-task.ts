import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-subprocess-instance-task',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testScopeCancellationInNestedOneTaskProcess',
  bpmn: ['ProcessInstanceModificationTest.nestedParallelOneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'nestedOneTaskProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:subProcess#0' } }],
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] } } },
    { completeTask: 'outerTask' },
  ],
  expect: { ended: true },
  features: ['parallelGateway', 'subProcess'],
} satisfies ConformanceCase;
