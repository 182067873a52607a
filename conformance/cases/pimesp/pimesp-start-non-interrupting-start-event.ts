import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-start-non-interrupting-start-event',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeStartEventInsideNonInterruptingEventSubProcess',
  bpmn: ['ProcessInstanceModificationTest.nonInterruptingEventSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'eventProcessStart' }] },
    },
    {
      assert: {
        activityInstanceTree: {
          children: ['task1', { activityId: 'eventSubProcess', children: ['eventSubProcessTask'] }],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message'],
} satisfies ConformanceCase;
