import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimsp-called-instance-completion-continues-parent',
  camundaTest: 'ProcessInstanceModificationSubProcessTest#shouldContinueParentProcess',
  bpmn: [
    'fluent/ProcessInstanceModificationSubProcessTest.parentCallActivityThenTask.bpmn',
    'fluent/ProcessInstanceModificationSubProcessTest.subprocessUserTask.bpmn',
  ],
  processDefinitionKey: 'parentProcess',
  steps: [
    {
      modify: {
        instructions: [
          { type: 'cancel', activityId: 'userTask' },
          { type: 'startAfterActivity', activityId: 'userTask' },
        ],
      },
      on: 'subProcessInstance#0',
    },
  ],
  expect: { processInstancesRunning: 1, activityInstanceTree: { children: ['parentTask'] } },
  features: ['callActivity'],
} satisfies ConformanceCase;
