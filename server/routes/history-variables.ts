/**
 * `/history/variable-instance` and `/history/detail` (HistoricVariableInstanceRestService,
 * HistoricDetailRestService). What they hold depends on the history level: variable instances from
 * audit on, details (one variable update per write) at full only, so a client can tell the level
 * by what it finds.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EngineApi } from '../../engine/engine-api';
import type { QueryScalar } from '../../engine/query/historic-variable-query';
import {
  findHistoricDetails,
  findHistoricVariableInstances,
} from '../../engine/query/historic-variable-query';
import type { HistoricVariableInstanceRec } from '../../engine/runtime/state';
import { toHistoricVariableInstanceDto, toHistoricVariableUpdateDto } from '../dto-mappers';
import type { ParsedParams } from '../query-params';
import {
  defineQuery,
  fromQueryBody,
  parsePaging,
  parseUrlFilters,
  parseUrlQuery,
  queryBodySchema,
} from '../query-params';
import { bodyObject, parseJsonBody, readJsonText } from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';

/** HistoricVariableInstanceQueryDto without `variableValue`, whose type depends on the request. */
const HISTORIC_VARIABLE_INSTANCE_QUERY = defineQuery(
  {
    processInstanceId: 'string',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    variableName: 'string',
    variableNameLike: 'string',
    variableTypeIn: 'stringList',
    variableValuesIgnoreCase: 'boolean',
    variableNamesIgnoreCase: 'boolean',
    executionIdIn: 'stringList',
    taskIdIn: 'stringList',
    processInstanceIdIn: 'stringList',
    activityInstanceIdIn: 'stringList',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    includeDeleted: 'boolean',
    variableNameIn: 'stringList',
  },
  ['instanceId', 'variableName', 'tenantId'],
);

const HISTORIC_DETAIL_QUERY = defineQuery(
  {
    processInstanceId: 'string',
    executionId: 'string',
    activityInstanceId: 'string',
    variableInstanceId: 'string',
    variableTypeIn: 'stringList',
    variableNameLike: 'string',
    taskId: 'string',
    formFields: 'boolean',
    variableUpdates: 'boolean',
    excludeTaskDetails: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    processInstanceIdIn: 'stringList',
    userOperationId: 'string',
    occurredBefore: 'date',
    occurredAfter: 'date',
    initial: 'boolean',
  },
  [
    'processInstanceId',
    'variableName',
    'variableType',
    'variableRevision',
    'formPropertyId',
    'time',
    'occurrence',
    'tenantId',
  ],
);

/** `variableValue` of a query body: a JSON scalar, kept with its type. */
const variableValueBodySchema = bodyObject({
  variableValue: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
});

type VariableInstanceFilters = ParsedParams<typeof HISTORIC_VARIABLE_INSTANCE_QUERY.params>;

/** HistoricVariableInstanceQueryDto.applyFilters: a value is looked for under a name only. */
function withVariableValue(
  filters: VariableInstanceFilters,
  variableValue: QueryScalar | undefined,
): VariableInstanceFilters & { variableValue?: QueryScalar } {
  if (variableValue === undefined || variableValue === null) {
    return filters;
  }
  if (filters.variableName === undefined) {
    throw new InvalidRequestException(
      400,
      'Only a single variable value parameter specified: variable name and value are required to be able to query after a specific variable value.',
    );
  }
  return { ...filters, variableValue };
}

/** `deserializeValues` (lists) or `deserializeValue` (one record), default true. */
function deserialize(c: RestContext, name: 'deserializeValues' | 'deserializeValue'): boolean {
  return parseUrlFilters(urlQuery(c), { [name]: 'boolean' } as const)[name] ?? true;
}

/** Every read goes through `c.var.reader`, the user's view; the engine itself is not needed. */
export function historyVariableRoutes(_engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  const variableList = (c: RestContext, records: HistoricVariableInstanceRec[]) =>
    c.json(
      records.map((variable) =>
        toHistoricVariableInstanceDto(variable, deserialize(c, 'deserializeValues')),
      ),
    );
  const readUrlQuery = (c: RestContext) => {
    const { filters, sortings } = parseUrlQuery(urlQuery(c), HISTORIC_VARIABLE_INSTANCE_QUERY);
    return { filters: withVariableValue(filters, urlQuery(c).variableValue), sortings };
  };
  const readBodyQuery = async (c: RestContext) => {
    const text = await readJsonText(c);
    const body = parseJsonBody(text, queryBodySchema(HISTORIC_VARIABLE_INSTANCE_QUERY));
    const { variableValue } = parseJsonBody(text, variableValueBodySchema);
    const { filters, sortings } = fromQueryBody(body, HISTORIC_VARIABLE_INSTANCE_QUERY);
    return { filters: withVariableValue(filters, variableValue), sortings };
  };
  const list = (c: RestContext, query: ReturnType<typeof readUrlQuery>) =>
    variableList(
      c,
      findHistoricVariableInstances(
        c.var.reader,
        query.filters,
        query.sortings,
        parsePaging(urlQuery(c)),
      ),
    );
  const count = (c: RestContext, query: ReturnType<typeof readUrlQuery>) =>
    c.json({ count: findHistoricVariableInstances(c.var.reader, query.filters).length });

  app.get('/history/variable-instance', (c) => list(c, readUrlQuery(c)));
  app.get('/history/variable-instance/count', (c) => count(c, readUrlQuery(c)));
  app.post('/history/variable-instance', async (c) => list(c, await readBodyQuery(c)));
  app.post('/history/variable-instance/count', async (c) => count(c, await readBodyQuery(c)));
  app.get('/history/variable-instance/:id', (c) => {
    const id = pathParam(c, 'id');
    // HistoricVariableInstanceResourceImpl queries by variableId, without includeDeleted.
    const [variable] = findHistoricVariableInstances(c.var.reader, {}).filter(
      (candidate) => candidate.id === id,
    );
    if (!variable) {
      throw new InvalidRequestException(
        404,
        `Historic variable instance with Id '${id}' does not exist.`,
      );
    }
    return c.json(toHistoricVariableInstanceDto(variable, deserialize(c, 'deserializeValue')));
  });

  // HistoricDetailRestService has GET and POST lists but only a GET count.
  addListRoutes(app, '/history/detail', {
    spec: HISTORIC_DETAIL_QUERY,
    find: (filters, sortings, paging, c) =>
      findHistoricDetails(c.var.reader, filters, sortings, paging),
    toDto: (detail, c) => toHistoricVariableUpdateDto(detail, deserialize(c, 'deserializeValues')),
  });
  app.post('/history/detail', async (c) => {
    const body = parseJsonBody(await readJsonText(c), queryBodySchema(HISTORIC_DETAIL_QUERY));
    const { filters, sortings } = fromQueryBody(body, HISTORIC_DETAIL_QUERY);
    const details = findHistoricDetails(c.var.reader, filters, sortings, parsePaging(urlQuery(c)));
    return c.json(
      details.map((detail) =>
        toHistoricVariableUpdateDto(detail, deserialize(c, 'deserializeValues')),
      ),
    );
  });
  app.get('/history/detail/:id', (c) => {
    const id = pathParam(c, 'id');
    const [detail] = findHistoricDetails(c.var.reader, { detailId: id });
    if (!detail) {
      throw new InvalidRequestException(404, `Historic detail with Id '${id}' does not exist.`);
    }
    return c.json(toHistoricVariableUpdateDto(detail, deserialize(c, 'deserializeValue')));
  });

  return app;
}
