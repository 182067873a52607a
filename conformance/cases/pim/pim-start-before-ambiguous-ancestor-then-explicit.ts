import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pim-start-before-ambiguous-ancestor-then-explicit',
  camundaTest: 'ProcessInstanceModificationTest#testStartBeforeWithAncestorInstanceIdTwoScopesUp',
  bpmn: ['ProcessInstanceModificationTest.doubleNestedSubprocess.bpmn20.xml'],
  processDefinitionKey: 'doubleNestedSubprocess',
  steps: [
    {
      assert: {
        activityInstanceTree: {
          children: [{ activityId: 'subProcess', children: ['subProcessTask'] }],
        },
      },
    },
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'subProcess' }] } },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['subProcessTask'] },
            { activityId: 'subProcess', children: ['subProcessTask'] },
          ],
        },
      },
    },
    {
      modify: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'innerSubProcessTask' }],
      },
      expectError: {
        status: 500,
        type: 'ProcessEngineException',
        messageContains: [
          'Ancestor activity execution is ambiguous for activity Activity(innerSubProcess)',
        ],
      },
    },
    { snapshot: 'twoSubProcesses' },
    {
      modify: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'innerSubProcessTask',
            ancestorActivityInstanceId: { ref: 'activityId:subProcess#0@twoSubProcesses' },
          },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            { activityId: 'subProcess', children: ['subProcessTask'] },
            {
              activityId: 'subProcess',
              children: [
                'subProcessTask',
                { activityId: 'innerSubProcess', children: ['innerSubProcessTask'] },
              ],
            },
          ],
        },
        parentActivityInstance: [
          {
            child: 'activityId:innerSubProcess#0',
            parent: 'activityId:subProcess#0@twoSubProcesses',
          },
        ],
        tasks: { count: 3 },
      },
    },
    { completeTask: 'subProcessTask' },
    { completeTask: 'subProcessTask' },
    { completeTask: 'innerSubProcessTask' },
    { completeTask: 'innerSubProcessTask' },
    { completeTask: 'innerSubProcessTask' },
  ],
  expect: { ended: true },
  features: ['subProcess'],
  notes:
    "Without an ancestor the target's flow scope (innerSubProcess) has no instance and its parent scope (subProcess) has two, so the ancestor is ambiguous. With an explicit ancestor the missing innerSubProcess instance is created below exactly that subProcess instance.",
} satisfies ConformanceCase;
