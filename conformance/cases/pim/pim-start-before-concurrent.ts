import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-concurrent',
  camundaTest: 'ProcessInstanceModificationTest#testStartBefore',
  bpmn: ['ProcessInstanceModificationTest.exclusiveGateway.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'task2' }] } },
    { assert: { activityInstanceTree: { children: ['task1', 'task2'] }, tasks: { count: 2 } } },
    { completeTask: 'task1' },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['exclusiveGateway'],
} satisfies ConformanceCase;
