/** `/process-instance`: queries, instance, activity instance tree, variables, suspension, modification. */
import { Hono } from 'hono';
import {
  definitionKeyOf,
  processInstanceReadFilter,
} from '../../engine/authorization/readable-engine';
import type { EngineApi } from '../../engine/engine-api';
import {
  BadUserRequestException,
  NotFoundException,
  NullValueException,
} from '../../engine/errors';
import {
  countProcessInstances,
  findProcessInstances,
} from '../../engine/query/process-instance-query';
import type { BatchRec, ProcessInstanceState } from '../../engine/runtime/state';
import type { BatchDto } from '../../contract/camunda/batch';
import { toActivityInstanceDto, toBatchDto, toProcessInstanceDto } from '../dto-mappers';
import { instructionListSchema, toProcessInstanceModification } from '../modification-instructions';
import { defineQuery, parseUrlFilters } from '../query-params';
import { bodyObject, jsonBoolean, jsonString, readJsonBody } from '../request-body';
import type { RestEnv } from '../rest-env';
import type { RestContext } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';
import { addVariableRoutes } from './variable-routes';

export const PROCESS_INSTANCE_PARAMS = {
  processInstanceIds: 'stringList',
  deploymentId: 'string',
  processDefinitionId: 'string',
  processDefinitionKey: 'string',
  processDefinitionKeyIn: 'stringList',
  processDefinitionKeyNotIn: 'stringList',
  businessKey: 'string',
  businessKeyLike: 'string',
  superProcessInstance: 'string',
  subProcessInstance: 'string',
  rootProcessInstances: 'boolean',
  leafProcessInstances: 'boolean',
  active: 'boolean',
  suspended: 'boolean',
  withIncident: 'boolean',
  incidentId: 'string',
  incidentType: 'string',
  incidentMessage: 'string',
  incidentMessageLike: 'string',
  tenantIdIn: 'stringList',
  withoutTenantId: 'boolean',
  activityIdIn: 'stringList',
  variables: 'variables',
  variableNamesIgnoreCase: 'boolean',
  variableValuesIgnoreCase: 'boolean',
} as const;

export const PROCESS_INSTANCE_SORT_BY = [
  'instanceId',
  'definitionKey',
  'definitionId',
  'tenantId',
  'businessKey',
];

export const PROCESS_INSTANCE_QUERY = defineQuery(
  PROCESS_INSTANCE_PARAMS,
  PROCESS_INSTANCE_SORT_BY,
);

export const modificationSchema = bodyObject({
  instructions: instructionListSchema,
  skipCustomListeners: jsonBoolean.nullish(),
  skipIoMappings: jsonBoolean.nullish(),
  annotation: jsonString.nullish(),
});

const suspensionSchema = bodyObject({ suspended: jsonBoolean.nullish() });

export function processInstanceRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  const keyOf = (instance: ProcessInstanceState) =>
    definitionKeyOf(engine, instance.processDefinitionId) ?? '';
  /** A query for the instance: one the user may not read is not found. */
  const running = (c: RestContext, id: string): ProcessInstanceState => {
    const instance = c.var.reader.instance(id);
    if (!instance) {
      throw new InvalidRequestException(404, `Process instance with id ${id} does not exist`);
    }
    return instance;
  };

  addListRoutes(app, '/process-instance', {
    spec: PROCESS_INSTANCE_QUERY,
    // The engine's ordered ids, or its sorted matches cached between pages, with the user's
    // READ filter applied while paging or counting.
    find: (filters, sortings, paging, c) =>
      findProcessInstances(
        engine,
        filters,
        sortings,
        paging,
        processInstanceReadFilter(engine, c.var.checker),
      ),
    count: (filters, sortings, c) =>
      countProcessInstances(
        engine,
        filters,
        sortings,
        processInstanceReadFilter(engine, c.var.checker),
      ),
    // `c.get`, not `c.var`: Hono builds `c.var` anew on each read, 50 times a page.
    toDto: (instance, c) => toProcessInstanceDto(instance, c.get('baseUrl')),
    post: true,
  });

  app.get('/process-instance/:id', (c) =>
    c.json(toProcessInstanceDto(running(c, pathParam(c, 'id')), c.var.baseUrl)),
  );

  app.delete('/process-instance/:id', (c) => {
    const id = pathParam(c, 'id');
    const options = parseUrlFilters(urlQuery(c), {
      skipCustomListeners: 'boolean',
      skipIoMappings: 'boolean',
      skipSubprocesses: 'boolean',
      failIfNotExists: 'boolean',
    });
    const instance = engine.instance(id);
    if (!instance) {
      if (options.failIfNotExists === false) {
        return c.body(null, 204);
      }
      throw new InvalidRequestException(404, `No process instance found for id '${id}'`);
    }
    c.var.checker.checkDeleteProcessInstance(id, keyOf(instance));
    try {
      engine.deleteProcessInstance(id, { ...options, userId: c.var.userId });
    } catch (error) {
      // Camunda rewrites the engine's 400 for a missing instance to 404.
      if (error instanceof NotFoundException) {
        throw new InvalidRequestException(404, error.message);
      }
      throw error;
    }
    return c.body(null, 204);
  });

  app.get('/process-instance/:id/activity-instances', (c) => {
    const id = pathParam(c, 'id');
    const instance = engine.instance(id);
    // GetActivityInstanceCmd checks READ once the instance is found.
    if (instance) {
      c.var.checker.checkReadProcessInstance(id, keyOf(instance));
    }
    const tree = engine.activityInstanceTree(id);
    if (!tree) {
      throw new InvalidRequestException(404, `Process instance with id ${id} does not exist`);
    }
    return c.json(toActivityInstanceDto(tree));
  });

  app.put('/process-instance/:id/suspended', async (c) => {
    const body = await readJsonBody(c, suspensionSchema);
    const id = pathParam(c, 'id');
    const instance = engine.instance(id);
    if (instance) {
      c.var.checker.checkUpdateProcessInstanceSuspensionState(id, keyOf(instance));
    }
    engine.setProcessInstanceSuspended(id, body.suspended === true);
    return c.body(null, 204);
  });

  app.post('/process-instance/:id/modification', async (c) => {
    const body = await readJsonBody(c, modificationSchema);
    // The translation the console's preview runs on the body it sends.
    const { instructions, ...options } = toProcessInstanceModification(body);
    // No instructions is no modification, and no error (ProcessInstanceResourceImpl).
    if (!instructions.length) {
      return c.body(null, 204);
    }
    await engine.modifyProcessInstanceInTurns(pathParam(c, 'id'), instructions, {
      ...options,
      annotation: body.annotation ?? null,
      userId: c.var.userId,
      authorize: (instance) => {
        c.var.checker.checkUpdateProcessInstance(instance.id, keyOf(instance));
      },
      authorizeCancellation: (instance) => {
        c.var.checker.checkDeleteProcessInstance(instance.id, keyOf(instance));
      },
    });
    return c.body(null, 204);
  });

  app.post('/process-instance/:id/modification-async', async (c) => {
    const body = await readJsonBody(c, modificationSchema);
    if (!body.instructions?.length) {
      // ProcessInstanceResourceImpl.modifyProcessInstanceAsync, Camunda's spelling included.
      throw new InvalidRequestException(400, 'The provided instuctions are invalid.');
    }
    const { instructions, ...options } = toProcessInstanceModification(body);
    const id = pathParam(c, 'id');
    let batch: BatchRec;
    try {
      batch = engine.modifyProcessInstanceAsync(id, instructions, {
        ...options,
        annotation: body.annotation ?? null,
        userId: c.var.userId,
        // Camunda first requires the instance (ENGINE-13036), then the permission.
        authorize: () => {
          c.var.checker.checkCreateBatch('CREATE_BATCH_MODIFY_PROCESS_INSTANCES');
        },
      });
    } catch (error) {
      if (error instanceof BadUserRequestException) {
        throw new InvalidRequestException(400, error.message);
      }
      throw error;
    }
    return c.json<BatchDto>(toBatchDto(batch));
  });

  addVariableRoutes(app, '/process-instance/:id', {
    resourceTypeName: 'process instance',
    read: (id, c) => {
      const variables = engine.processVariables(id);
      const instance = engine.instance(id);
      if (!variables || !instance) {
        throw new NullValueException(`execution ${id} doesn't exist: execution is null`);
      }
      // GetExecutionVariablesCmd: checkReadProcessInstanceVariable.
      c.var.checker.checkReadProcessInstance(id, keyOf(instance));
      return variables;
    },
    write: (id, modifications, deletions, c) => {
      const instance = engine.instance(id);
      if (!instance) {
        throw new NullValueException(`execution ${id} doesn't exist: execution is null`);
      }
      // SetExecutionVariablesCmd / RemoveExecutionVariablesCmd.
      c.var.checker.checkUpdateProcessInstanceVariables(id, keyOf(instance));
      engine.setProcessVariables(id, modifications, deletions);
    },
  });

  return app;
}
