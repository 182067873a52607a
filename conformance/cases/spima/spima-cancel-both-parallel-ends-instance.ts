import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-cancel-both-parallel-ends-instance',
  camundaTest: 'SingleProcessInstanceModificationAsyncTest#testCancellationThatEndsProcessInstance',
  bpmn: ['ProcessInstanceModificationTest.parallelGateway.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    {
      modifyAsync: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task2#0' } },
        ],
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: { ended: true },
  features: ['batch', 'parallelGateway'],
} satisfies ConformanceCase;
