import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'rest-modification-sync-start-transition-without-transition-id',
  camundaTest:
    'ModificationRestServiceInteractionTest#executeInvalidModificationForStartTransitionSync',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 2 },
  steps: [
    {
      modifyMany: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startTransition' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
  ],
  expect: {
    error: {
      status: 400,
      type: 'InvalidRequestException',
      messageContains: ["For instruction type 'startTransition': 'transitionId' must be set"],
    },
  },
  features: ['restValidation', 'modificationExecute'],
} satisfies ConformanceCase;
