import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimsp-cancel-called-instance-removes-concurrent-caller-path',
  camundaTest:
    'ProcessInstanceModificationSubProcessTest#shouldCancelConcurrentExecutionInCallingProcess',
  bpmn: [
    'fluent/ProcessInstanceModificationSubProcessTest.parentParallelCallActivity.bpmn',
    'fluent/ProcessInstanceModificationSubProcessTest.subprocessChildUserTask.bpmn',
  ],
  processDefinitionKey: 'parentProcess',
  steps: [
    {
      assert: {
        activityInstanceTree: { children: ['callActivity', 'parentUserTask'] },
        processInstancesRunning: 2,
      },
    },
    {
      modify: { instructions: [{ type: 'cancel', activityId: 'childUserTask' }] },
      on: 'subProcessInstance#0',
    },
  ],
  expect: { processInstancesRunning: 1, activityInstanceTree: { children: ['parentUserTask'] } },
  features: ['callActivity', 'parallelGateway'],
  notes:
    "Cancelling the only activity of the called instance cancels it; the caller's call activity instance is removed as well (it is cancelled, not completed), the concurrent parentUserTask stays.",
} satisfies ConformanceCase;
