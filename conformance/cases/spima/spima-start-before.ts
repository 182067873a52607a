import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-start-before',
  camundaTest: 'SingleProcessInstanceModificationAsyncTest#testStartBefore',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modifyAsync: { instructions: [{ type: 'startBeforeActivity', activityId: 'task2' }] } },
    { executeSeedJob: true },
    { executeBatchJobs: true },
    { assert: { activityInstanceTree: { children: ['task1', 'task2'] } } },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['batch', 'exclusiveGateway'],
} satisfies ConformanceCase;
