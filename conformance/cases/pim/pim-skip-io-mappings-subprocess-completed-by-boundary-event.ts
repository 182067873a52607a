import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-skip-io-mappings-subprocess-completed-by-boundary-event',
  camundaTest: 'ProcessInstanceModificationTest#testSkipIoMappingsOnSubProcess',
  bpmn: ['ProcessInstanceModificationTest.ioMappingOnSubProcess.bpmn20.xml'],
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
    activityInstanceTree: { children: ['theTask'] },
    absentVariables: ['outputMappingExecuted'],
  },
  features: ['ioMapping', 'subProcess', 'boundaryEvent', 'message'],
  notes:
    'Starting the interrupting boundary event cancels innerTask1, reaches innerEnd2 and thereby completes the subprocess inside the same command; its output mapping must be skipped too. The Java test only checks the variable; the tree is implied by normal flow.',
} satisfies ConformanceCase;
