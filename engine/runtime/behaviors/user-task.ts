/**
 * A user task creates its task and waits; completing the task leaves it (Camunda's
 * `UserTaskActivityBehavior`, `TaskEntity.complete`). Name, assignee and candidates may be
 * expressions, evaluated in the task's scope.
 */
import { isExpression } from '../../expressions/evaluate-expression';
import type { TaskRec } from '../state';
import { nullableString } from '../values';
import type { ActivityBehavior } from './activity-behavior';

export const userTaskBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const text = (value: string | null): string | null =>
      value === null
        ? null
        : isExpression(value)
          ? nullableString(rt.expressions.evaluate(pi, ai.id, value))
          : value;
    // slice(): filter() grows its result as push() does, to room for 17 names, which the task
    // would keep for as long as it lives.
    const list = (value: string | null): string[] =>
      (text(value) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .slice();
    const task: TaskRec = {
      id: rt.tree.newId(),
      name: activity.name === null ? null : text(activity.name),
      description: activity.documentation,
      assignee: text(activity.assignee),
      owner: null,
      created: rt.tree.now(),
      due: null,
      followUp: null,
      priority: 50,
      taskDefinitionKey: activity.id,
      processInstanceId: pi.id,
      processDefinitionId: pi.processDefinitionId,
      executionId: ai.executionId,
      activityInstanceId: ai.id,
      suspended: pi.suspended,
      tenantId: pi.tenantId,
      candidateUsers: list(activity.candidateUsers),
      candidateGroups: list(activity.candidateGroups),
    };
    rt.tree.putTask(pi, task);
    const historic = rt.ctx.historicActivityInstance(ai.id);
    if (historic) {
      historic.taskId = task.id;
      historic.assignee = task.assignee;
    }
    rt.listeners.invokeTaskListeners(pi, ai, activity, task, 'create');
    if (task.assignee !== null && pi.tasks[task.id]) {
      rt.listeners.invokeTaskListeners(pi, ai, activity, task, 'assignment');
    }
  },
};
