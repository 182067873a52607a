import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-cancel-and-restart-in-called-instance',
  camundaTest:
    'ProcessInstanceModificationCancellationTest#testCancellationAndRestartInCallActivitySubProcess',
  bpmn: ['CallActivity.testCallSimpleSubProcess.bpmn20.xml', 'simpleSubProcess.bpmn20.xml'],
  processDefinitionKey: 'callSimpleSubProcess',
  steps: [
    { completeTask: 'taskBeforeSubProcess' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task#0' } },
          { type: 'startBeforeActivity', activityId: 'task' },
        ],
      },
      on: 'subProcessInstance#0',
    },
  ],
  expect: { processInstancesRunning: 2, activityInstanceTree: { children: ['callSubProcess'] } },
  features: ['callActivity'],
} satisfies ConformanceCase;
