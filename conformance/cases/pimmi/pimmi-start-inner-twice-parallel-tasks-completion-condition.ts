import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pimmi-start-inner-twice-parallel-tasks-completion-condition',
  camundaTest:
    'ProcessInstanceModificationMultiInstanceTest#testStartInnerActivityParallelTasksWithCompletionCondition',
  bpmn: [
    'ProcessInstanceModificationMultiInstanceTest.parallelTasksCompletionCondition.bpmn20.xml',
  ],
  processDefinitionKey: 'miParallelUserTasksCompletionCondition',
  steps: [
    {
      modify: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'miTasks' },
          { type: 'startBeforeActivity', activityId: 'miTasks' },
        ],
      },
    },
    {
      assert: {
        activityInstanceTree: {
          children: [
            {
              activityId: 'miTasks#multiInstanceBody',
              children: ['miTasks', 'miTasks', 'miTasks', 'miTasks', 'miTasks'],
            },
          ],
        },
      },
    },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
    { completeTask: 'miTasks' },
  ],
  expect: { ended: true },
  features: ['multiInstance', 'expressions'],
  notes:
    'Two extra inner instances are added to the existing body (5 in total); the completion condition ${nrOfCompletedInstances == 4} completes the body after 4 completions and cancels the fifth. The Java test asserts only the ending; the intermediate tree follows from the instantiation rules.',
} satisfies ConformanceCase;
