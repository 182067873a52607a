/** `GET /task` filters and sort keys. */
import type { EngineApi } from '../engine-api';
import type { TaskRec } from '../runtime/state';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `TaskQueryDto`. */
export interface TaskQuery {
  taskId?: string;
  taskIdIn?: string[];
  processInstanceId?: string;
  processInstanceIdIn?: string[];
  processInstanceBusinessKey?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  executionId?: string;
  activityInstanceIdIn?: string[];
  taskDefinitionKey?: string;
  taskDefinitionKeyIn?: string[];
  taskDefinitionKeyLike?: string;
  name?: string;
  nameLike?: string;
  assignee?: string;
  assigneeLike?: string;
  assigneeIn?: string[];
  owner?: string;
  assigned?: boolean;
  unassigned?: boolean;
  candidateUser?: string;
  candidateGroup?: string;
  active?: boolean;
  suspended?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export function taskSortKeys(engine: EngineApi): SortKeys<TaskRec> {
  return {
    id: (task) => task.id,
    name: (task) => task.name,
    nameCaseInsensitive: (task) => task.name?.toLowerCase(),
    description: (task) => task.description,
    priority: (task) => task.priority,
    assignee: (task) => task.assignee,
    created: (task) => task.created,
    dueDate: (task) => task.due,
    followUpDate: (task) => task.followUp,
    executionId: (task) => task.executionId,
    instanceId: (task) => task.processInstanceId,
    processInstanceId: (task) => task.processInstanceId,
    processDefinitionKey: (task) => engine.definition(task.processDefinitionId)?.key,
    tenantId: (task) => task.tenantId,
  };
}

export function matchesTask(engine: EngineApi, task: TaskRec, query: TaskQuery): boolean {
  const q = query;
  if (q.taskId !== undefined && task.id !== q.taskId) {
    return false;
  }
  if (q.taskIdIn && !q.taskIdIn.includes(task.id)) {
    return false;
  }
  if (q.processInstanceId !== undefined && task.processInstanceId !== q.processInstanceId) {
    return false;
  }
  if (q.processInstanceIdIn && !q.processInstanceIdIn.includes(task.processInstanceId)) {
    return false;
  }
  if (q.processInstanceBusinessKey !== undefined) {
    if (engine.instance(task.processInstanceId)?.businessKey !== q.processInstanceBusinessKey) {
      return false;
    }
  }
  if (q.processDefinitionId !== undefined && task.processDefinitionId !== q.processDefinitionId) {
    return false;
  }
  if (q.processDefinitionKey !== undefined || q.processDefinitionKeyIn) {
    const key = engine.definition(task.processDefinitionId)?.key ?? '';
    if (q.processDefinitionKey !== undefined && key !== q.processDefinitionKey) {
      return false;
    }
    if (q.processDefinitionKeyIn && !q.processDefinitionKeyIn.includes(key)) {
      return false;
    }
  }
  if (q.executionId !== undefined && task.executionId !== q.executionId) {
    return false;
  }
  if (q.activityInstanceIdIn && !q.activityInstanceIdIn.includes(task.activityInstanceId)) {
    return false;
  }
  if (q.taskDefinitionKey !== undefined && task.taskDefinitionKey !== q.taskDefinitionKey) {
    return false;
  }
  if (q.taskDefinitionKeyIn && !q.taskDefinitionKeyIn.includes(task.taskDefinitionKey)) {
    return false;
  }
  if (
    q.taskDefinitionKeyLike !== undefined &&
    !matchesLike(task.taskDefinitionKey, q.taskDefinitionKeyLike)
  ) {
    return false;
  }
  if (q.name !== undefined && task.name !== q.name) {
    return false;
  }
  if (q.nameLike !== undefined && !matchesLike(task.name, q.nameLike)) {
    return false;
  }
  if (q.assignee !== undefined && task.assignee !== q.assignee) {
    return false;
  }
  if (q.assigneeLike !== undefined && !matchesLike(task.assignee, q.assigneeLike)) {
    return false;
  }
  if (q.assigneeIn && !q.assigneeIn.includes(task.assignee ?? '')) {
    return false;
  }
  if (q.owner !== undefined && task.owner !== q.owner) {
    return false;
  }
  if (q.assigned === true && task.assignee === null) {
    return false;
  }
  if (q.unassigned === true && task.assignee !== null) {
    return false;
  }
  if (q.candidateUser !== undefined && !task.candidateUsers.includes(q.candidateUser)) {
    return false;
  }
  if (q.candidateGroup !== undefined && !task.candidateGroups.includes(q.candidateGroup)) {
    return false;
  }
  if (q.active === true && task.suspended) {
    return false;
  }
  if (q.suspended === true && !task.suspended) {
    return false;
  }
  return matchesTenant(task.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findTasks(
  engine: EngineApi,
  query: TaskQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): TaskRec[] {
  const matching = [...engine.tasks()].filter((task) => matchesTask(engine, task, query));
  return sortAndPage(matching, sortings, taskSortKeys(engine), paging);
}
