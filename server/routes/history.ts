/**
 * `/history/process-instance`, `/history/activity-instance`, `/history/incident`,
 * `/history/user-operation` and `/history/batch`.
 */
import { Hono } from 'hono';
import type { EngineApi } from '../../engine/engine-api';
import type { HistoricProcessInstanceQuery } from '../../engine/query/history-query';
import {
  findHistoricActivityInstances,
  findHistoricProcessInstances,
  findUserOperationLogEntries,
} from '../../engine/query/history-query';
import { BadUserRequestException, ProcessEngineException } from '../../engine/errors';
import type { HistoricIncidentQuery } from '../../engine/query/historic-incident-query';
import { findHistoricIncidents } from '../../engine/query/historic-incident-query';
import { findHistoricBatches } from '../../engine/query/batch-query';
import {
  toHistoricActivityInstanceDto,
  toHistoricBatchDto,
  toHistoricIncidentDto,
  toHistoricProcessInstanceDto,
  toUserOperationLogEntryDto,
} from '../dto-mappers';
import type { ParsedParams } from '../query-params';
import { defineQuery } from '../query-params';
import { bodyObject, jsonString, readJsonBody } from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';

export const HISTORIC_PROCESS_INSTANCE_QUERY = defineQuery(
  {
    processInstanceId: 'string',
    processInstanceIds: 'stringList',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    processDefinitionKeyIn: 'stringList',
    processDefinitionKeyNotIn: 'stringList',
    processDefinitionName: 'string',
    processDefinitionNameLike: 'string',
    processInstanceBusinessKey: 'string',
    processInstanceBusinessKeyLike: 'string',
    rootProcessInstances: 'boolean',
    finished: 'boolean',
    unfinished: 'boolean',
    withIncidents: 'boolean',
    superProcessInstanceId: 'string',
    subProcessInstanceId: 'string',
    startedBy: 'string',
    startedBefore: 'date',
    startedAfter: 'date',
    finishedBefore: 'date',
    finishedAfter: 'date',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    active: 'boolean',
    suspended: 'boolean',
    completed: 'boolean',
    externallyTerminated: 'boolean',
    internallyTerminated: 'boolean',
    activeActivityIdIn: 'stringList',
    activityIdIn: 'stringList',
    executedActivityIdIn: 'stringList',
    variables: 'variables',
    variableNamesIgnoreCase: 'boolean',
    variableValuesIgnoreCase: 'boolean',
  },
  [
    'instanceId',
    'definitionId',
    'definitionKey',
    'definitionName',
    'definitionVersion',
    'businessKey',
    'startTime',
    'endTime',
    'duration',
    'tenantId',
  ],
);

const HISTORIC_ACTIVITY_INSTANCE_QUERY = defineQuery(
  {
    activityInstanceId: 'string',
    processInstanceId: 'string',
    processDefinitionId: 'string',
    executionId: 'string',
    activityId: 'string',
    activityName: 'string',
    activityNameLike: 'string',
    activityType: 'string',
    taskAssignee: 'string',
    finished: 'boolean',
    unfinished: 'boolean',
    canceled: 'boolean',
    completeScope: 'boolean',
    startedBefore: 'date',
    startedAfter: 'date',
    finishedBefore: 'date',
    finishedAfter: 'date',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  [
    'activityInstanceId',
    'instanceId',
    'executionId',
    'activityId',
    'activityName',
    'activityType',
    'startTime',
    'endTime',
    'duration',
    'definitionId',
    'occurrence',
    'tenantId',
  ],
);

/** Camunda's state flags of the historic process instance query, and the state each selects. */
const STATE_FLAGS = [
  ['active', 'ACTIVE'],
  ['suspended', 'SUSPENDED'],
  ['completed', 'COMPLETED'],
  ['externallyTerminated', 'EXTERNALLY_TERMINATED'],
  ['internallyTerminated', 'INTERNALLY_TERMINATED'],
] as const;

const HISTORIC_BATCH_QUERY = defineQuery(
  {
    batchId: 'string',
    type: 'string',
    completed: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  ['batchId', 'startTime', 'endTime', 'tenantId'],
);

const HISTORIC_INCIDENT_QUERY = defineQuery(
  {
    incidentId: 'string',
    incidentType: 'string',
    incidentMessage: 'string',
    incidentMessageLike: 'string',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    processDefinitionKeyIn: 'stringList',
    processInstanceId: 'string',
    executionId: 'string',
    createTimeBefore: 'date',
    createTimeAfter: 'date',
    endTimeBefore: 'date',
    endTimeAfter: 'date',
    activityId: 'string',
    failedActivityId: 'string',
    causeIncidentId: 'string',
    rootCauseIncidentId: 'string',
    configuration: 'string',
    historyConfiguration: 'string',
    open: 'boolean',
    resolved: 'boolean',
    deleted: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    jobDefinitionIdIn: 'stringList',
  },
  [
    'incidentId',
    'incidentMessage',
    'createTime',
    'endTime',
    'incidentType',
    'executionId',
    'activityId',
    'processInstanceId',
    'processDefinitionId',
    'processDefinitionKey',
    'causeIncidentId',
    'rootCauseIncidentId',
    'configuration',
    'historyConfiguration',
    'tenantId',
    'incidentState',
  ],
);

/**
 * HistoricIncidentQueryDto.applyFilters: `open` given at all (even `false`) asks for open
 * incidents, `resolved` and `deleted` only when true; HistoricIncidentQueryImpl refuses a second
 * state with a ProcessEngineException.
 */
export function toHistoricIncidentQuery(
  filters: ParsedParams<typeof HISTORIC_INCIDENT_QUERY.params>,
): HistoricIncidentQuery {
  const { open, resolved, deleted, ...rest } = filters;
  const states = [
    ...(open !== undefined ? (['open'] as const) : []),
    ...(resolved === true ? (['resolved'] as const) : []),
    ...(deleted === true ? (['deleted'] as const) : []),
  ];
  const [state, second] = states;
  if (second !== undefined) {
    throw new ProcessEngineException(`Already querying for incident state <${state ?? ''}>`);
  }
  return { ...rest, state };
}

const annotationSchema = bodyObject({ annotation: jsonString.nullish() });

const USER_OPERATION_LOG_QUERY = defineQuery(
  {
    deploymentId: 'string',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    processInstanceId: 'string',
    executionId: 'string',
    taskId: 'string',
    batchId: 'string',
    jobId: 'string',
    jobDefinitionId: 'string',
    userId: 'string',
    operationId: 'string',
    operationType: 'string',
    entityType: 'string',
    entityTypeIn: 'stringList',
    category: 'string',
    categoryIn: 'stringList',
    property: 'string',
    afterTimestamp: 'date',
    beforeTimestamp: 'date',
  },
  ['timestamp'],
);

/**
 * The filters as the engine query takes them. Each state flag is `HistoricProcessInstanceQuery`'s
 * `active()`, `suspended()`…, which refuses a second state with a BadUserRequestException.
 */
export function toHistoricProcessInstanceQuery(
  filters: ParsedParams<typeof HISTORIC_PROCESS_INSTANCE_QUERY.params>,
): HistoricProcessInstanceQuery {
  const { active, suspended, completed, externallyTerminated, internallyTerminated, ...rest } =
    filters;
  const flags = { active, suspended, completed, externallyTerminated, internallyTerminated };
  let state: HistoricProcessInstanceQuery['state'];
  for (const [flag, flagState] of STATE_FLAGS) {
    if (flags[flag] !== true) {
      continue;
    }
    if (state !== undefined) {
      throw new BadUserRequestException(
        `Already querying for historic process instance with another state: ${state} is not null`,
      );
    }
    state = flagState;
  }
  return { ...rest, state };
}

export function historyRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  addListRoutes(app, '/history/process-instance', {
    spec: HISTORIC_PROCESS_INSTANCE_QUERY,
    find: (filters, sortings, paging, c) =>
      findHistoricProcessInstances(
        c.var.reader,
        toHistoricProcessInstanceQuery(filters),
        sortings,
        paging,
      ),
    toDto: (instance) => toHistoricProcessInstanceDto(instance),
    post: true,
  });

  app.get('/history/process-instance/:id', (c) => {
    const id = pathParam(c, 'id');
    // A history query: an instance the user may not read the history of is not found.
    const instance = c.var.reader.historicProcessInstance(id);
    if (!instance) {
      throw new InvalidRequestException(
        404,
        `Historic process instance with id ${id} does not exist`,
      );
    }
    return c.json(toHistoricProcessInstanceDto(instance));
  });

  addListRoutes(app, '/history/activity-instance', {
    spec: HISTORIC_ACTIVITY_INSTANCE_QUERY,
    find: (filters, sortings, paging, c) =>
      findHistoricActivityInstances(c.var.reader, filters, sortings, paging),
    toDto: (instance) => toHistoricActivityInstanceDto(instance),
    post: true,
  });

  app.get('/history/activity-instance/:id', (c) => {
    const id = pathParam(c, 'id');
    const [instance] = findHistoricActivityInstances(c.var.reader, { activityInstanceId: id });
    if (!instance) {
      throw new InvalidRequestException(
        404,
        `Historic activity instance with id ${id} does not exist`,
      );
    }
    return c.json(toHistoricActivityInstanceDto(instance));
  });

  // HistoricIncidentRestService has no POST query.
  addListRoutes(app, '/history/incident', {
    spec: HISTORIC_INCIDENT_QUERY,
    find: (filters, sortings, paging, c) =>
      findHistoricIncidents(c.var.reader, toHistoricIncidentQuery(filters), sortings, paging),
    toDto: (incident) => toHistoricIncidentDto(incident),
  });

  addListRoutes(app, '/history/user-operation', {
    spec: USER_OPERATION_LOG_QUERY,
    find: (filters, sortings, paging, c) =>
      findUserOperationLogEntries(c.var.reader, filters, sortings, paging),
    toDto: (entry) => toUserOperationLogEntryDto(entry),
  });

  addListRoutes(app, '/history/batch', {
    spec: HISTORIC_BATCH_QUERY,
    find: (filters, sortings, paging, c) =>
      findHistoricBatches(c.var.reader, filters, sortings, paging),
    toDto: (batch) => toHistoricBatchDto(batch),
  });
  app.get('/history/batch/:id', (c) => {
    const id = pathParam(c, 'id');
    const batch = c.var.reader.historicBatch(id);
    if (!batch) {
      throw new InvalidRequestException(404, `Historic batch with id '${id}' does not exist`);
    }
    return c.json(toHistoricBatchDto(batch));
  });
  app.delete('/history/batch/:id', (c) => {
    const id = pathParam(c, 'id');
    // As for runtime batches, an unknown id is reported before any permission is checked.
    if (engine.historicBatch(id)) {
      c.var.checker.checkDeleteHistoricBatch(id);
    }
    try {
      engine.deleteHistoricBatch(id, c.var.userId);
    } catch (error) {
      if (error instanceof BadUserRequestException) {
        throw new InvalidRequestException(400, `Unable to delete historic batch with id '${id}'`);
      }
      throw error;
    }
    return c.body(null, 204);
  });

  // The engine's BadUserRequestException (`operation is null`) passes unchanged, as Camunda's
  // UserOperationLogRestServiceImpl lets it (docs/camunda-semantics.md#annotations).
  /** SetAnnotationForOperationLog checks the first entry of the operation once it is found. */
  const checkAnnotation = (c: RestContext, operationId: string) => {
    const [entry] = [...engine.userOperationLog()].filter((e) => e.operationId === operationId);
    if (entry) {
      c.var.checker.checkUpdateUserOperationLog(entry);
    }
  };
  app.put('/history/user-operation/:operationId/set-annotation', async (c) => {
    const { annotation } = await readJsonBody(c, annotationSchema);
    const operationId = pathParam(c, 'operationId');
    checkAnnotation(c, operationId);
    engine.setOperationAnnotation(operationId, annotation ?? null, c.var.userId);
    return c.body(null, 204);
  });
  app.put('/history/user-operation/:operationId/clear-annotation', (c) => {
    const operationId = pathParam(c, 'operationId');
    checkAnnotation(c, operationId);
    engine.setOperationAnnotation(operationId, null, c.var.userId);
    return c.body(null, 204);
  });

  return app;
}
