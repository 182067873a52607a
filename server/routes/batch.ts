/**
 * `/batch`: list, statistics, get, suspend, delete
 * (docs/camunda-semantics.md#batch-and-job-endpoints).
 */
import { Hono } from 'hono';
import type { EngineApi } from '../../engine/engine-api';
import { BadUserRequestException } from '../../engine/errors';
import { findBatchStatistics, findBatches } from '../../engine/query/batch-query';
import { toBatchDto, toBatchStatisticsDto } from '../dto-mappers';
import { defineQuery, parseUrlFilters } from '../query-params';
import { bodyObject, jsonBoolean, readJsonBody } from '../request-body';
import type { RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';

const BATCH_PARAMS = {
  batchId: 'string',
  type: 'string',
  tenantIdIn: 'stringList',
  withoutTenantId: 'boolean',
  suspended: 'boolean',
} as const;

const BATCH_QUERY = defineQuery(BATCH_PARAMS, ['batchId', 'tenantId']);

const BATCH_STATISTICS_QUERY = defineQuery(
  {
    ...BATCH_PARAMS,
    createdBy: 'string',
    startedBefore: 'date',
    startedAfter: 'date',
    withFailures: 'boolean',
    withoutFailures: 'boolean',
  },
  ['batchId', 'tenantId', 'startTime'],
);

const suspensionSchema = bodyObject({ suspended: jsonBoolean.nullish() });

/** Camunda's batch resource rethrows the engine's 400s with its own message. */
function rethrowBadRequest(action: () => void, message: string): void {
  try {
    action();
  } catch (error) {
    if (error instanceof BadUserRequestException) {
      throw new InvalidRequestException(400, message);
    }
    throw error;
  }
}

export function batchRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  addListRoutes(app, '/batch/statistics', {
    spec: BATCH_STATISTICS_QUERY,
    find: (filters, sortings, paging, c) =>
      findBatchStatistics(c.var.reader, filters, sortings, paging),
    toDto: ({ batch, statistics }) => toBatchStatisticsDto(batch, statistics),
  });

  addListRoutes(app, '/batch', {
    spec: BATCH_QUERY,
    find: (filters, sortings, paging, c) => findBatches(c.var.reader, filters, sortings, paging),
    toDto: (batch) => toBatchDto(batch),
  });

  app.get('/batch/:id', (c) => {
    const id = pathParam(c, 'id');
    // A batch query: a batch the user may not read is not found.
    const batch = c.var.reader.batch(id);
    if (!batch) {
      throw new InvalidRequestException(404, `Batch with id '${id}' does not exist`);
    }
    return c.json(toBatchDto(batch));
  });

  app.put('/batch/:id/suspended', async (c) => {
    const id = pathParam(c, 'id');
    const suspended = (await readJsonBody(c, suspensionSchema)).suspended === true;
    // Camunda checks the permission after finding the batch: an unknown id stays a 400.
    if (engine.batch(id)) {
      c.var.checker.checkSuspendBatch(id);
    }
    rethrowBadRequest(
      () => {
        engine.setBatchSuspended(id, suspended, c.var.userId);
      },
      `Unable to ${suspended ? 'suspend' : 'activate'} batch with id '${id}'`,
    );
    return c.body(null, 204);
  });

  app.delete('/batch/:id', (c) => {
    const id = pathParam(c, 'id');
    const { cascade = false } = parseUrlFilters(urlQuery(c), { cascade: 'boolean' });
    if (engine.batch(id)) {
      c.var.checker.checkDeleteBatch(id);
    }
    rethrowBadRequest(() => {
      engine.deleteBatch(id, cascade, c.var.userId);
    }, `Unable to delete batch with id '${id}'`);
    return c.body(null, 204);
  });

  return app;
}
