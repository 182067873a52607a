import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimesp-sub-start-non-interrupting-esp-new-scope',
  camundaTest:
    'ProcessInstanceModificationEventSubProcessTest#testStartBeforeNonInterruptingEventSubProcessInsideSubProcess',
  bpmn: [
    'ProcessInstanceModificationTest.nonInterruptingEventSubProcessInsideSubProcess.bpmn20.xml',
  ],
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
    { completeTask: 'task2' },
    { completeTask: 'eventSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['eventSubProcess', 'message', 'subProcess'],
} satisfies ConformanceCase;
