import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-cancel-one-of-two-parallel',
  camundaTest: 'SingleProcessInstanceModificationAsyncTest#testCancellation',
  bpmn: ['ProcessInstanceModificationTest.parallelGateway.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    {
      modifyAsync: {
        instructions: [{ type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } }],
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['task1', 'task2'] },
        batch: {
          type: 'instance-modification',
          totalJobs: 1,
          batchJobsPerSeed: 100,
          invocationsPerBatchJob: 1,
        },
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
    { assert: { activityInstanceTree: { children: ['task2'] } } },
    { completeTask: 'task2' },
  ],
  expect: { ended: true },
  features: ['batch', 'parallelGateway'],
  notes:
    'POST /process-instance/{id}/modification-async returns a batch (one execution job for the one instance); nothing changes until the batch execution job runs. Activity instance ids in the instructions are resolved when the request is sent.',
} satisfies ConformanceCase;
