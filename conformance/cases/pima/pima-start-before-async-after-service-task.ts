import type { ConformanceCase } from '../../runner/conformance-case';

export default {
  id: 'pima-start-before-async-after-service-task',
  camundaTest: 'ProcessInstanceModificationAsyncTest#testStartBeforeAsyncAfterTask',
  bpmn: ['ProcessInstanceModificationTest.asyncAfterFailingTaskProcess.bpmn20.xml'],
  processDefinitionKey: 'failingAfterAsyncTask',
  steps: [
    { assert: { activityInstanceTree: { transitions: ['task1'] }, jobs: [{ count: 1 }] } },
    { modify: { instructions: [{ type: 'startBeforeActivity', activityId: 'task1' }] } },
  ],
  expect: { activityInstanceTree: { transitions: ['task1', 'task1'] }, jobs: [{ count: 2 }] },
  features: ['asyncAfter', 'serviceTaskExpression'],
  notes:
    'Only the first half of the Java test: task1 (expression service task) runs synchronously and then waits on its asyncAfter continuation. The second half executes the jobs, whose continuation runs a Java delegate (FailingDelegate) that is not portable.',
  unsupportedByEmbeddedEngine:
    "task2 of the process is a camunda:class service task (Camunda's FailingDelegate): the embedded engine runs no Java and refuses to deploy it",
} satisfies ConformanceCase;
