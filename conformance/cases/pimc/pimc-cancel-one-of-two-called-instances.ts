import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-one-of-two-called-instances',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testSingleCancellationWithTwoSubProcess',
  bpmn: ['CallActivity.testTwoSubProcesses.bpmn20.xml', 'simpleSubProcess.bpmn20.xml'],
  processDefinitionKey: 'callTwoSubProcesses',
  steps: [
    {
      assert: {
        activityInstanceTree: { children: ['callSubProcess', 'callSubProcess2'] },
        processInstancesRunning: 3,
      },
    },
    {
      modify: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:task#0' } }],
      },
      on: 'subProcessInstance#0',
    },
  ],
  expect: { processInstancesRunning: 2, leafActivityInstanceCount: 1 },
  features: ['callActivity', 'parallelGateway'],
  notes:
    'Which call activity instance disappears depends on which child instance is picked; exactly one of callSubProcess/callSubProcess2 must remain in the caller.',
} satisfies ConformanceCase;
