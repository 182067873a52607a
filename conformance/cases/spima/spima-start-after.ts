import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-start-after',
  camundaTest: 'SingleProcessInstanceModificationAsyncTest#testStartAfter',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modifyAsync: { instructions: [{ type: 'startAfterActivity', activityId: 'theStart' }] } },
    { executeSeedJob: true },
    { executeBatchJobs: true },
    { assert: { activityInstanceTree: { children: ['task1', 'task1'] } } },
    { completeTask: 'task1' },
    { completeTask: 'task1' },
  ],
  expect: { ended: true },
  features: ['batch', 'exclusiveGateway'],
} satisfies ConformanceCase;
