import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-creates-boundary-timer-jobs',
  camundaTest: 'ProcessInstanceModificationTest#testStartBeforeEventSubscription',
  bpmn: ['ProcessInstanceModificationTest.subprocessBoundaryEvents.bpmn20.xml'],
  processDefinitionKey: 'subprocess',
  steps: [
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'innerTask' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: ['outerTask', { activityId: 'subProcess', children: ['innerTask'] }],
        },
        jobs: [
          { activityId: 'innerTimer', count: 1 },
          { activityId: 'outerTimer', count: 1 },
          { count: 2 },
        ],
      },
    },
    { executeJob: { activityId: 'innerTimer' } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            'outerTask',
            { activityId: 'subProcess', children: ['innerAfterBoundaryTask'] },
          ],
        },
        tasks: { includes: ['innerAfterBoundaryTask'] },
      },
    },
    { executeJob: { activityId: 'outerTimer' } },
  ],
  expect: {
    activityInstanceTree: { children: ['outerTask', 'outerAfterBoundaryTask'] },
    tasks: { includes: ['outerAfterBoundaryTask'] },
  },
  features: ['subProcess', 'boundaryEvent', 'timer'],
  notes:
    'The Java test asserts the two timer jobs, that the inner timer job belongs to the innerTask execution, and that firing the timers creates innerAfterBoundaryTask / outerAfterBoundaryTask; the trees follow from ordinary interrupting boundary event semantics.',
} satisfies ConformanceCase;
