import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimev-start-before-terminate-end-event',
  camundaTest: 'ProcessInstanceModificationEventTest#testStartBeforeTerminateEndEvent',
  bpmn: ['ProcessInstanceModificationTest.terminateEnd.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'terminateEnd' }] } },
  ],
  expect: { ended: true },
  features: ['terminateEndEvent'],
} satisfies ConformanceCase;
