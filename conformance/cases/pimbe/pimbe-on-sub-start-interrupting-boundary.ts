import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimbe-on-sub-start-interrupting-boundary',
  camundaTest:
    'ProcessInstanceModificationBoundaryEventTest#testStartBeforeBoundaryEventOnSubProcess',
  bpmn: ['ProcessInstanceModificationTest.interruptingBoundaryEventOnSubProcess.bpmn20.xml'],
  processDefinitionKey: 'process',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'boundaryEvent' }] } },
    { assert: { activityInstanceTree: { children: ['taskAfterBoundaryEvent'] } } },
    { completeTask: 'taskAfterBoundaryEvent' },
  ],
  expect: { ended: true },
  features: ['boundaryEvent', 'message', 'subProcess'],
  notes: 'The interrupting boundary event on the subprocess cancels the whole subProcess instance.',
} satisfies ConformanceCase;
