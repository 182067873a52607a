/**
 * `/batch`: the engine has no batches yet (`EngineApi` offers none), so these answer as Camunda
 * does for an engine without any: empty lists, 404 for an id. Clients (and the conformance
 * runner's cleanup) can list and count batches against the embedded engine all the same.
 */
import { Hono } from 'hono';
import type { BatchDto, BatchStatisticsDto } from '../../src/api/camunda-dto';
import { defineQuery, parseUrlQuery } from '../query-params';
import { bodyObject, jsonBoolean, readJsonBody } from '../request-body';
import type { RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';

const BATCH_QUERY = defineQuery(
  {
    batchId: 'string',
    type: 'string',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    suspended: 'boolean',
  },
  ['batchId', 'tenantId'],
);

const BATCH_STATISTICS_QUERY = defineQuery(
  {
    ...BATCH_QUERY.params,
    createdBy: 'string',
    startedBefore: 'date',
    startedAfter: 'date',
    withFailures: 'boolean',
    withoutFailures: 'boolean',
  },
  ['batchId', 'tenantId', 'startTime'],
);

export function batchRoutes(): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  app.get('/batch', (c) => {
    parseUrlQuery(urlQuery(c), BATCH_QUERY);
    return c.json<BatchDto[]>([]);
  });
  app.get('/batch/count', (c) => {
    parseUrlQuery(urlQuery(c), BATCH_QUERY);
    return c.json({ count: 0 });
  });
  app.get('/batch/statistics', (c) => {
    parseUrlQuery(urlQuery(c), BATCH_STATISTICS_QUERY);
    return c.json<BatchStatisticsDto[]>([]);
  });
  app.get('/batch/statistics/count', (c) => {
    parseUrlQuery(urlQuery(c), BATCH_STATISTICS_QUERY);
    return c.json({ count: 0 });
  });
  app.get('/batch/:id', (c) => {
    throw new InvalidRequestException(404, `Batch with id '${pathParam(c, 'id')}' does not exist`);
  });
  app.put('/batch/:id/suspended', async (c) => {
    const { suspended } = await readJsonBody(c, bodyObject({ suspended: jsonBoolean.nullish() }));
    const verb = suspended === true ? 'suspend' : 'activate';
    throw new InvalidRequestException(
      400,
      `Unable to ${verb} batch with id '${pathParam(c, 'id')}'`,
    );
  });
  app.delete('/batch/:id', (c) => {
    throw new InvalidRequestException(
      400,
      `Unable to delete batch with id '${pathParam(c, 'id')}'`,
    );
  });
  return app;
}
