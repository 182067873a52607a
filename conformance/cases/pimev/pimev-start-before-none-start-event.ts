import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimev-start-before-none-start-event',
  camundaTest: 'ProcessInstanceModificationEventTest#testStartBeforNoneStartEvent',
  bpmn: ['oneTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'oneTaskProcess',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'theStart' }] } },
    { assert: { activityInstanceTree: { children: ['theTask', 'theTask'] }, tasks: { count: 2 } } },
    { completeTask: 'theTask' },
    { completeTask: 'theTask' },
  ],
  expect: { ended: true },
  features: [],
} satisfies ConformanceCase;
