import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'mexa-delete-batch-cascade',
  camundaTest: 'ModificationExecutionAsyncTest#testBatchDeletionWithCascade',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  start: { count: 10 },
  steps: [
    {
      modifyManyAsync: {
        processDefinitionId: { ref: 'processDefinitionId' },
        instructions: [{ type: 'startTransition', transitionId: 'seq' }],
        processInstanceIds: { ref: 'allInstances' },
      },
    },
    { executeSeedJob: true },
    { deleteBatch: { cascade: true } },
  ],
  expect: { batchExists: false, jobsTotal: 0, jobDefinitionsTotal: 0, historicBatchExists: false },
  features: ['batch'],
  notes:
    'DELETE /batch/{id}?cascade=true removes batch, its seed/monitor/execution jobs and job definitions, and (cascade) the historic batch. historicBatchExists is implied by the cascade flag, not asserted by the Java test.',
} satisfies ConformanceCase;
