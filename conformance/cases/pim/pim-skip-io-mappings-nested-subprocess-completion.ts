import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-skip-io-mappings-nested-subprocess-completion',
  camundaTest: 'ProcessInstanceModificationTest#testSkipIoMappingsOnSubProcessNested',
  bpmn: ['ProcessInstanceModificationTest.ioMappingOnSubProcessNested.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }],
        skipIoMappings: true,
      },
    },
  ],
  expect: {
    activityInstanceTree: { children: ['theTask1'] },
    absentVariables: ['outputMappingExecuted'],
  },
  features: ['ioMapping', 'subProcess', 'boundaryEvent', 'message'],
  notes:
    'IO mappings of already existing ancestor scopes that complete as a consequence of the modification are skipped as well.',
} satisfies ConformanceCase;
