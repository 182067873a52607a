/** `/job` and `/job-definition` (contract §3.5). */
import { Hono } from 'hono';
import type { EngineApi } from '../../engine/engine-api';
import { findJobDefinitions, findJobs } from '../../engine/query/job-query';
import { toJobDefinitionDto, toJobDto } from '../dto-mappers';
import { defineQuery } from '../query-params';
import { bodyObject, jsonDate, jsonInteger, readJsonBody } from '../request-body';
import type { RestEnv } from '../rest-env';
import { pathParam } from '../rest-env';
import { InvalidRequestException, rethrowEngineError } from '../rest-errors';
import { addListRoutes } from './list-routes';

const JOB_QUERY = defineQuery(
  {
    jobId: 'string',
    jobIds: 'stringList',
    jobDefinitionId: 'string',
    processInstanceId: 'string',
    processInstanceIds: 'stringList',
    executionId: 'string',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    activityId: 'string',
    withRetriesLeft: 'boolean',
    executable: 'boolean',
    timers: 'boolean',
    messages: 'boolean',
    withException: 'boolean',
    exceptionMessage: 'string',
    failedActivityId: 'string',
    noRetriesLeft: 'boolean',
    active: 'boolean',
    suspended: 'boolean',
    priorityLowerThanOrEquals: 'integer',
    priorityHigherThanOrEquals: 'integer',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  [
    'jobId',
    'executionId',
    'processInstanceId',
    'processDefinitionId',
    'processDefinitionKey',
    'jobPriority',
    'jobRetries',
    'jobDueDate',
    'tenantId',
  ],
);

const JOB_DEFINITION_QUERY = defineQuery(
  {
    jobDefinitionId: 'string',
    activityIdIn: 'stringList',
    processDefinitionId: 'string',
    processDefinitionKey: 'string',
    jobType: 'string',
    jobConfiguration: 'string',
    active: 'boolean',
    suspended: 'boolean',
    withOverridingJobPriority: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  [
    'jobDefinitionId',
    'activityId',
    'processDefinitionId',
    'processDefinitionKey',
    'jobType',
    'jobConfiguration',
    'tenantId',
  ],
);

const retriesSchema = bodyObject({ retries: jsonInteger.nullish(), dueDate: jsonDate.nullish() });

/** The engine sets retries only; a due date would silently be dropped, so refuse it. */
function requireRetries(body: { retries?: number | null; dueDate?: number | null }): number {
  if (body.dueDate !== null && body.dueDate !== undefined) {
    throw new InvalidRequestException(
      501,
      'Setting a due date together with the retries is not supported by this engine yet',
    );
  }
  if (body.retries === null || body.retries === undefined) {
    throw new InvalidRequestException(400, 'retries is null');
  }
  return body.retries;
}

export function jobRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  addListRoutes(app, '/job', {
    spec: JOB_QUERY,
    find: (filters, sortings, paging) => findJobs(engine, filters, sortings, paging),
    toDto: (job) => toJobDto(job),
    post: true,
  });

  app.get('/job/:id', (c) => {
    const id = pathParam(c, 'id');
    const job = engine.job(id);
    if (!job) {
      throw new InvalidRequestException(404, `Job with id ${id} does not exist`);
    }
    return c.json(toJobDto(job));
  });

  app.post('/job/:id/execute', (c) => {
    // Contract §3.5: a failing job is answered with 404 and the engine's message.
    rethrowEngineError(
      () => {
        engine.executeJob(pathParam(c, 'id'));
      },
      (error) => new InvalidRequestException(404, error.message),
    );
    return c.body(null, 204);
  });

  app.put('/job/:id/retries', async (c) => {
    const retries = requireRetries(await readJsonBody(c, retriesSchema));
    // Contract §3.5: 500, although the OpenAPI document says 404.
    rethrowEngineError(
      () => {
        engine.setJobRetries(pathParam(c, 'id'), retries);
      },
      (error) => new InvalidRequestException(500, error.message),
    );
    return c.body(null, 204);
  });

  app.get('/job/:id/stacktrace', (c) => {
    const id = pathParam(c, 'id');
    const job = engine.job(id);
    if (!job) {
      throw new InvalidRequestException(404, `No job found with id '${id}'`);
    }
    c.header('Content-Type', 'text/plain; charset=UTF-8');
    return c.body(job.stacktrace ?? '', 200);
  });

  addListRoutes(app, '/job-definition', {
    spec: JOB_DEFINITION_QUERY,
    find: (filters, sortings, paging) => findJobDefinitions(engine, filters, sortings, paging),
    toDto: (definition) => toJobDefinitionDto(definition),
    post: true,
  });

  app.get('/job-definition/:id', (c) => {
    const id = pathParam(c, 'id');
    const definition = engine.jobDefinition(id);
    if (!definition) {
      throw new InvalidRequestException(404, `Job Definition with id ${id} does not exist`);
    }
    return c.json(toJobDefinitionDto(definition));
  });

  app.put('/job-definition/:id/retries', async (c) => {
    const retries = requireRetries(await readJsonBody(c, retriesSchema));
    rethrowEngineError(
      () => {
        engine.setJobDefinitionRetries(pathParam(c, 'id'), retries);
      },
      (error) => new InvalidRequestException(500, error.message),
    );
    return c.body(null, 204);
  });

  return app;
}
