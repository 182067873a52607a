import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'oplog-sync-modification-no-task-delete-entry',
  camundaTest:
    'ModificationUserOperationLogTest#testModificationLogShouldNotIncludeEntryForTaskDeletion',
  bpmn: ['fluent/ModificationExecutionAsyncTest.process1.bpmn'],
  processDefinitionKey: 'process1',
  steps: [{ modify: { instructions: [{ type: 'cancel', activityId: 'user1' }] } }],
  expect: {
    ended: true,
    userOperationLog: [
      { count: 1, operationType: 'ModifyProcessInstance', entityType: 'ProcessInstance' },
      { count: 0, entityType: 'Task' },
    ],
  },
  features: ['userOperationLog', 'authenticatedUser'],
  notes:
    "Cancelling the activity deletes its task, but no separate task 'Delete' entry is logged (the Java test checks that the whole log holds exactly one entry; here restricted to the process definition's entries because a runner may deploy as an authenticated user, which logs the deployment).",
} satisfies ConformanceCase;
