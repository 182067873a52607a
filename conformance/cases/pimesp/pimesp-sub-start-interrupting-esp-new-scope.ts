import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-interrupting-esp-new-scope',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeEventSubProcessInsideSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingEventSubProcessInsideSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'eventSubProcess' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'task1',
            {
              activityId: 'subProcess',
              children: [{ activityId: 'eventSubProcess', children: ['eventSubProcessTask'] }],
            },
          ],
        },
      },
    },
    { completeTask: 'task1' },
    { completeTask: 'eventSubProcessTask' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
} satisfies ConformanceCase;
