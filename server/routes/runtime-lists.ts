/** `/incident`, `/event-subscription` and `/variable-instance`: read-only lists. */
import { Hono } from 'hono';
import type { EngineApi } from '../../engine/engine-api';
import { findEventSubscriptions } from '../../engine/query/event-subscription-query';
import { findIncidents } from '../../engine/query/incident-query';
import { findVariableInstances } from '../../engine/query/variable-instance-query';
import { toEventSubscriptionDto, toIncidentDto, toVariableInstanceDto } from '../dto-mappers';
import { defineQuery, parseUrlFilters } from '../query-params';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';

const INCIDENT_QUERY = defineQuery(
  {
    incidentId: 'string',
    incidentType: 'string',
    incidentMessage: 'string',
    incidentMessageLike: 'string',
    processDefinitionId: 'string',
    processDefinitionKeyIn: 'stringList',
    processInstanceId: 'string',
    executionId: 'string',
    incidentTimestampBefore: 'date',
    incidentTimestampAfter: 'date',
    activityId: 'string',
    failedActivityId: 'string',
    causeIncidentId: 'string',
    rootCauseIncidentId: 'string',
    configuration: 'string',
    jobDefinitionIdIn: 'stringList',
    tenantIdIn: 'stringList',
  },
  [
    'incidentId',
    'incidentMessage',
    'incidentTimestamp',
    'incidentType',
    'executionId',
    'activityId',
    'processInstanceId',
    'processDefinitionId',
    'causeIncidentId',
    'rootCauseIncidentId',
    'configuration',
    'tenantId',
  ],
);

const EVENT_SUBSCRIPTION_QUERY = defineQuery(
  {
    eventSubscriptionId: 'string',
    eventName: 'string',
    eventType: 'string',
    executionId: 'string',
    processInstanceId: 'string',
    activityId: 'string',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  ['created', 'tenantId'],
);

const VARIABLE_INSTANCE_QUERY = defineQuery(
  {
    variableName: 'string',
    variableNameIn: 'stringList',
    variableNameLike: 'string',
    variableValues: 'variables',
    variableNamesIgnoreCase: 'boolean',
    variableValuesIgnoreCase: 'boolean',
    processInstanceIdIn: 'stringList',
    executionIdIn: 'stringList',
    activityInstanceIdIn: 'stringList',
    taskIdIn: 'stringList',
    variableScopeIdIn: 'stringList',
  },
  ['variableName', 'variableType', 'activityInstanceId', 'tenantId'],
);

function deserializeValues(c: RestContext): boolean {
  return parseUrlFilters(urlQuery(c), { deserializeValues: 'boolean' }).deserializeValues ?? true;
}

export function runtimeListRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  addListRoutes(app, '/incident', {
    spec: INCIDENT_QUERY,
    find: (filters, sortings, paging, c) => findIncidents(c.var.reader, filters, sortings, paging),
    toDto: (incident) => toIncidentDto(incident),
  });
  app.get('/incident/:id', (c) => {
    const id = pathParam(c, 'id');
    const incident = [...c.var.reader.incidents()].find((candidate) => candidate.id === id);
    if (!incident) {
      throw new InvalidRequestException(404, `No matching incident with id ${id}`);
    }
    return c.json(toIncidentDto(incident));
  });

  addListRoutes(app, '/event-subscription', {
    spec: EVENT_SUBSCRIPTION_QUERY,
    find: (filters, sortings, paging, c) =>
      findEventSubscriptions(c.var.reader, filters, sortings, paging),
    toDto: (subscription) => toEventSubscriptionDto(subscription),
  });

  addListRoutes(app, '/variable-instance', {
    spec: VARIABLE_INSTANCE_QUERY,
    find: (filters, sortings, paging, c) =>
      findVariableInstances(c.var.reader, filters, sortings, paging),
    toDto: (variable, c) => toVariableInstanceDto(engine, variable, deserializeValues(c)),
    post: true,
  });
  app.get('/variable-instance/:id', (c) => {
    const id = pathParam(c, 'id');
    const variable = [...c.var.reader.variableInstances()].find((candidate) => candidate.id === id);
    if (!variable) {
      throw new InvalidRequestException(404, `Variable instance with Id '${id}' does not exist.`);
    }
    return c.json(toVariableInstanceDto(engine, variable, deserializeValues(c)));
  });

  return app;
}
