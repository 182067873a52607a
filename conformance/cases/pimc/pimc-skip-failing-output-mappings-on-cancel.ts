import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimc-skip-failing-output-mappings-on-cancel',
  camundaTest: 'ProcessInstanceModificationCancellationTest#testSkipOutputMappingsOnCancellation',
  bpmn: ['ProcessInstanceModificationTest.failingOutputMappingProcess.bpmn20.xml'],
  processDefinitionKey: 'failingOutputMappingProcess',
  steps: [
    { snapshot: 'initial' },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:innerTask#0@initial' } },
        ],
        skipIoMappings: true,
      },
    },
    { assert: { activityInstanceTree: { children: ['outerTask'] } } },
    {
      modify: {
        instructions: [
          { type: 'cancel', activityInstanceId: { ref: 'activityId:outerTask#0@initial' } },
        ],
        skipIoMappings: true,
      },
    },
  ],
  expect: { ended: true },
  features: ['ioMapping', 'subProcess', 'parallelGateway'],
  notes:
    'outerTask, subProcess and innerTask have output mappings referencing ${nonExistingVariable}; with skipIoMappings=true the cancellations must not evaluate them.',
} satisfies ConformanceCase;
