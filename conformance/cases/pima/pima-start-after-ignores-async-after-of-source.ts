import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-start-after-ignores-async-after-of-source',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testStartAfterAsync',
  bpmn: ['ProcessInstanceModificationAsyncTest.testStartAfterAsync.bpmn20.xml'],
  processDefinitionKey: 'exclusiveGateway',
  steps: [
    { modify: { instructions: [{ type: 'startAfterActivity', activityId: 'task2' }] } },
    {
      assert: {
        activityInstanceTree: { children: ['task1'], transitions: ['end2'] },
        jobs: [{ count: 1 }, { activityId: 'end2', count: 1 }],
      },
    },
    { completeTask: 'task1' },
    { executeJobs: true },
  ],
  expect: { ended: true },
  features: ['asyncBefore', 'asyncAfter', 'exclusiveGateway'],
  notes:
    "startAfter task2 takes flow5 directly (task2's asyncAfter is not honoured); the asyncBefore end event end2 then waits as a transition instance with a job.",
} satisfies ConformanceCase;
