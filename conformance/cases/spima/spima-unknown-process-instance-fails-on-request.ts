import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'spima-unknown-process-instance-fails-on-request',
  camundaTest:
    'SingleProcessInstanceModificationAsyncTest#testCancellationWithWrongProcessInstanceId',
  bpmn: ['ProcessInstanceModificationTest.parallelGateway.bpmn20.xml'],
  processDefinitionKey: 'parallelGateway',
  steps: [
    {
      processInstanceId: 'foo',
      modifyAsync: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task1#0' } },
          { type: 'cancel', activityInstanceId: { ref: 'activityId:task2#0' } },
        ],
      },
    },
  ],
  expect: {
    error: {
      status: 500,
      type: 'ProcessEngineException',
      messageContains: ['ENGINE-13036', "Process instance 'foo' cannot be modified"],
    },
    batchExists: false,
  },
  features: ['batch', 'parallelGateway'],
  notes:
    'The async variant checks that the process instance exists when the batch is created (synchronously); other validation happens only when the batch job runs.',
} satisfies ConformanceCase;
