import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-skip-io-mappings-on-start-and-cancel',
  camundaTest: 'ProcessInstanceModificationTest#testSkipIoMappings',
  bpmn: ['ProcessInstanceModificationTest.ioMapping.bpmn20.xml'],
  processDefinitionKey: 'ioMappingProcess',
  steps: [
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'task2' }],
        skipIoMappings: true,
      },
    },
    {
      assert: {
        activityInstanceTree: { children: ['task1', 'task2'] },
        absentVariables: ['inputMappingExecuted'],
      },
    },
    { modify: { instructions: [{ type: 'cancel', activityId: 'task2' }], skipIoMappings: true } },
  ],
  expect: {
    activityInstanceTree: { children: ['task1'] },
    absentVariables: ['inputMappingExecuted', 'outputMappingExecuted'],
  },
  features: ['ioMapping'],
} satisfies ConformanceCase;
