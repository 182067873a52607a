/** User tasks, as Camunda's `TaskService`: lookup, completion, assignee and task variables. */
import { NullValueException, ProcessEngineException } from '../errors';
import type { ProcessInstanceState, TaskRec, VariableRec } from '../runtime/state';
import type { TypedValue } from '../variables';
import type { CommandExecutor } from './command-executor';

export class TaskService {
  constructor(private readonly executor: CommandExecutor) {}

  *tasks(): Iterable<TaskRec> {
    for (const pi of this.executor.store.instances.values()) {
      yield* Object.values(pi.tasks);
    }
  }

  task(id: string): TaskRec | undefined {
    const piId = this.executor.store.taskIndex.get(id);
    return piId ? this.executor.store.instances.get(piId)?.tasks[id] : undefined;
  }

  completeTask(
    id: string,
    variables: Record<string, TypedValue>,
    userId: string | null = null,
  ): void {
    const piId = this.executor.store.taskIndex.get(id);
    if (!piId) {
      throw new NullValueException(`Cannot find task with id ${id}: task is null`);
    }
    this.executor.run({ userId }, (rt) => {
      const pi = rt.ctx.instance(piId);
      const task = pi?.tasks[id];
      const ai = pi && task ? pi.activityInstances[task.activityInstanceId] : undefined;
      if (!pi || !task || !ai) {
        throw new NullValueException(`Cannot find task with id ${id}: task is null`);
      }
      if (task.suspended) {
        throw new ProcessEngineException(`Cannot complete a suspended task`);
      }
      for (const [name, value] of Object.entries(variables)) {
        if (task.variables?.[name]) {
          rt.setVariableLocal(pi, ai.id, name, value);
        } else {
          rt.setVariable(pi, ai.id, name, value);
        }
      }
      const activity = rt.activity(pi, ai.activityId);
      rt.invokeTaskListeners(pi, ai, activity, task, 'complete');
      rt.tree.deleteTask(pi, task);
      if (pi.activityInstances[ai.id]) {
        rt.leave(pi, ai);
      }
    });
  }

  setTaskAssignee(id: string, assignee: string | null): void {
    const piId = this.executor.store.taskIndex.get(id);
    if (!piId) {
      throw new NullValueException(`Cannot find task with id ${id}: task is null`);
    }
    this.executor.run({}, (rt) => {
      const pi = rt.ctx.instance(piId);
      const task = pi?.tasks[id];
      if (task) {
        task.assignee = assignee;
        const historic = rt.ctx.historicActivityInstance(task.activityInstanceId);
        if (historic) {
          historic.assignee = assignee;
        }
      }
    });
  }
  taskVariables(taskId: string): Record<string, VariableRec> | undefined {
    const piId = this.executor.store.taskIndex.get(taskId);
    const pi = piId ? this.executor.store.instances.get(piId) : undefined;
    const task = pi?.tasks[taskId];
    if (!pi || !task) {
      return undefined;
    }
    const result: Record<string, VariableRec> = {};
    const chain: (Record<string, VariableRec> | undefined)[] = [task.variables];
    let current: string | null = task.activityInstanceId;
    while (current !== null) {
      const ai: ProcessInstanceState['activityInstances'][string] | undefined =
        pi.activityInstances[current];
      if (!ai) {
        break;
      }
      chain.push(ai.variables);
      current = ai.parentId;
    }
    for (const variables of chain.reverse()) {
      Object.assign(result, variables);
    }
    return result;
  }
}
