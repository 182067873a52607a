import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-ancestor-cancelled-by-earlier-instruction',
  camundaTest:
    'SingleProcessInstanceModificationAsyncTest#testStartBeforeWithAncestorInstanceIdWithAncestorCancelled',
  bpmn: ['ProcessInstanceModificationTest.loop.bpmn'],
  processDefinitionKey: 'loopProcess',
  start: {
    variables: {
      ids: {
        value: '["1"]',
        type: 'Object',
        valueInfo: {
          objectTypeName: 'java.util.ArrayList',
          serializationDataFormat: 'application/json',
        },
      },
    },
  },
  steps: [
    { snapshot: 'initial' },
    {
      modifyAsync: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task#0' } },
          {
            type: 'startBeforeActivity',
            activityId: 'task',
            ancestorActivityInstanceId: { ref: 'activityId:loop#0' },
          },
        ],
      },
    },
    { executeSeedJob: true },
    { executeBatchJobs: true },
  ],
  expect: {
    activityInstanceTree: {
      children: [
        {
          activityId: 'loop#multiInstanceBody',
          children: [{ activityId: 'loop', children: ['task'] }],
        },
      ],
    },
    batchJobs: {
      execution: 1,
      executionJobs: [
        {
          retries: 2,
          exceptionMessageContains: [
            "Cannot perform instruction: Start before activity 'task' with ancestor activity instance '",
            'does not exist: ancestorInstance is null',
          ],
        },
      ],
    },
  },
  features: ['batch', 'multiInstance', 'externalTask', 'objectVariable', 'subProcess'],
  notes:
    "loop is a multi-instance subprocess over ${ids} (one element) containing an external task. Cancelling 'task' (the last leaf) cancels its loop instance, the multi-instance body and empties the process instance, so the ancestor given to the next instruction no longer exists. Over REST the failure shows up on the batch execution job; the failing job is rolled back, so the tree stays unchanged.",
} satisfies ConformanceCase;
