/** `/task`: list, get, complete, variables. */
import { Hono } from 'hono';
import { definitionKeyOf } from '../../engine/authorization/readable-engine';
import type { EngineApi } from '../../engine/engine-api';
import { NullValueException } from '../../engine/errors';
import { findTasks } from '../../engine/query/task-query';
import type { TaskRec } from '../../engine/runtime/state';
import type { TypedValue } from '../../engine/variables';
import { toTaskDto } from '../dto-mappers';
import { defineQuery } from '../query-params';
import {
  bodyObject,
  jsonBoolean,
  jsonString,
  readJsonBody,
  variableMapSchema,
} from '../request-body';
import type { RestEnv } from '../rest-env';
import { pathParam } from '../rest-env';
import { InvalidRequestException, RestException, isWrappableEngineException } from '../rest-errors';
import { toTypedValueMap, toVariableValueDto } from '../variable-values';
import { addListRoutes } from './list-routes';
import { addVariableRoutes } from './variable-routes';

const TASK_QUERY = defineQuery(
  {
    taskId: 'string',
    taskIdIn: 'stringList',
    processInstanceId: 'string',
    processInstanceIdIn: 'stringList',
    processInstanceBusinessKey: 'string',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    processDefinitionKeyIn: 'stringList',
    executionId: 'string',
    activityInstanceIdIn: 'stringList',
    taskDefinitionKey: 'string',
    taskDefinitionKeyIn: 'stringList',
    taskDefinitionKeyLike: 'string',
    name: 'string',
    nameLike: 'string',
    assignee: 'string',
    assigneeLike: 'string',
    assigneeIn: 'stringList',
    owner: 'string',
    assigned: 'boolean',
    unassigned: 'boolean',
    candidateUser: 'string',
    candidateGroup: 'string',
    active: 'boolean',
    suspended: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  [
    'id',
    'name',
    'nameCaseInsensitive',
    'description',
    'priority',
    'assignee',
    'created',
    'dueDate',
    'followUpDate',
    'executionId',
    'instanceId',
    'processInstanceId',
    'processDefinitionKey',
    'tenantId',
  ],
);

const completeSchema = bodyObject({
  variables: variableMapSchema.nullish(),
  withVariablesInReturn: jsonBoolean.nullish(),
});

const assigneeSchema = bodyObject({ userId: jsonString.nullish() });

export function taskRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  const requireTask = (id: string, source: EngineApi = engine): TaskRec => {
    const task = source.task(id);
    if (!task) {
      throw new InvalidRequestException(404, `No matching task with id ${id}`);
    }
    return task;
  };
  const checked = (task: TaskRec) => ({
    id: task.id,
    processDefinitionKey: definitionKeyOf(engine, task.processDefinitionId),
  });

  addListRoutes(app, '/task', {
    spec: TASK_QUERY,
    find: (filters, sortings, paging, c) => findTasks(c.var.reader, filters, sortings, paging),
    toDto: (task) => toTaskDto(task),
    post: true,
  });

  // A task query: a task the user may not read is not found.
  app.get('/task/:id', (c) => c.json(toTaskDto(requireTask(pathParam(c, 'id'), c.var.reader))));

  app.post('/task/:id/complete', async (c) => {
    const id = pathParam(c, 'id');
    const body = await readJsonBody(c, completeSchema);
    const failure = (message: string) => `Cannot complete task ${id}: ${message}`;
    let variables: Record<string, TypedValue>;
    try {
      variables = toTypedValueMap(body.variables);
    } catch (error) {
      if (error instanceof RestException) {
        throw new InvalidRequestException(error.status, failure(error.message));
      }
      throw error;
    }
    // What the task saw, updated with what was submitted: the variables Camunda returns.
    const visible = body.withVariablesInReturn === true ? (engine.taskVariables(id) ?? {}) : {};
    const task = engine.task(id);
    // CompleteTaskCmd checks TASK_WORK once the task is found.
    if (task) {
      c.var.checker.checkTaskWork(checked(task));
    }
    try {
      engine.completeTask(id, variables, c.var.userId);
    } catch (error) {
      if (isWrappableEngineException(error)) {
        throw new RestException(500, failure(error.message));
      }
      throw error;
    }
    if (body.withVariablesInReturn !== true) {
      return c.body(null, 204);
    }
    const result: Record<string, ReturnType<typeof toVariableValueDto>> = {};
    for (const [name, variable] of Object.entries(visible)) {
      result[name] = toVariableValueDto(variable.value);
    }
    for (const [name, value] of Object.entries(variables)) {
      result[name] = toVariableValueDto(value);
    }
    return c.json(result);
  });

  app.post('/task/:id/assignee', async (c) => {
    const id = pathParam(c, 'id');
    const task = requireTask(id);
    const body = await readJsonBody(c, assigneeSchema);
    c.var.checker.checkTaskAssign(checked(task));
    engine.setTaskAssignee(id, body.userId ?? null);
    return c.body(null, 204);
  });

  addVariableRoutes(app, '/task/:id', {
    resourceTypeName: 'task',
    read: (id, c) => {
      const variables = engine.taskVariables(id);
      const task = engine.task(id);
      if (!variables || !task) {
        throw new NullValueException(`task ${id} doesn't exist: task is null`);
      }
      c.var.checker.checkReadTaskVariable(checked(task));
      return variables;
    },
  });

  return app;
}
