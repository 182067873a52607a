/** `/job` and `/job-definition` (docs/camunda-semantics.md#failed-jobs-and-retries). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EngineApi } from '../../engine/engine-api';
import { BadUserRequestException } from '../../engine/errors';
import { findJobDefinitions, findJobs } from '../../engine/query/job-query';
import type { BatchDto } from '../../contract/camunda/batch';
import { toBatchDto, toJobDefinitionDto, toJobDto } from '../dto-mappers';
import { defineQuery, fromQueryBody, queryBodySchema } from '../query-params';
import { bodyObject, jsonDate, jsonInteger, jsonString, readJsonBody } from '../request-body';
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

/** `SetJobRetriesDto` of `POST /job/retries`. */
const setJobRetriesSchema = bodyObject({
  jobIds: z.array(jsonString).nullish(),
  jobQuery: queryBodySchema(JOB_QUERY).nullish(),
  retries: jsonInteger.nullish(),
  dueDate: jsonDate.nullish(),
});

interface RetriesBody {
  retries?: number | null;
  dueDate?: number | null;
}

/** A missing `retries` is a 400 worded as Camunda's `EnsureUtil` words it. */
function requireRetries(body: RetriesBody): number {
  if (body.retries === null || body.retries === undefined) {
    throw new InvalidRequestException(400, 'retries is null');
  }
  return body.retries;
}

/** The engine sets retries only; a due date would silently be dropped, so refuse it. */
function refuseDueDate(body: RetriesBody): void {
  if (body.dueDate !== null && body.dueDate !== undefined) {
    throw new InvalidRequestException(
      501,
      'Setting a due date together with the retries is not supported by this engine yet',
    );
  }
}

export function jobRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  addListRoutes(app, '/job', {
    spec: JOB_QUERY,
    find: (filters, sortings, paging, c) => findJobs(c.var.reader, filters, sortings, paging),
    toDto: (job) => toJobDto(job),
    post: true,
  });

  // A `set-job-retries` batch over `jobIds` ∪ the jobs `jobQuery` finds (Camunda's
  // SetJobsRetriesBatchCmd).
  app.post('/job/retries', async (c) => {
    const body = await readJsonBody(c, setJobRetriesSchema);
    // Camunda's resource checks `retries` before anything else.
    const retries = requireRetries(body);
    refuseDueDate(body);
    const jobIds = new Set(body.jobIds ?? []);
    if (body.jobQuery) {
      const { filters, sortings } = fromQueryBody(body.jobQuery, JOB_QUERY);
      for (const job of findJobs(c.var.reader, filters, sortings)) {
        jobIds.add(job.id);
      }
    }
    try {
      return c.json<BatchDto>(
        toBatchDto(
          // The engine checks the permission after its own checks (no jobs, negative retries).
          engine.setJobRetriesAsync([...jobIds], retries, c.var.userId, () => {
            c.var.checker.checkCreateBatch('CREATE_BATCH_SET_JOB_RETRIES');
          }),
        ),
      );
    } catch (error) {
      if (error instanceof BadUserRequestException) {
        throw new InvalidRequestException(400, error.message);
      }
      throw error;
    }
  });

  app.get('/job/:id', (c) => {
    const id = pathParam(c, 'id');
    // A job query: a job the user may not read is not found.
    const job = c.var.reader.job(id);
    if (!job) {
      throw new InvalidRequestException(404, `Job with id ${id} does not exist`);
    }
    return c.json(toJobDto(job));
  });

  app.post('/job/:id/execute', (c) => {
    const job = engine.job(pathParam(c, 'id'));
    // ExecuteJobsCmd checks checkUpdateJob once the job is found.
    if (job) {
      c.var.checker.checkUpdateJob(job);
    }
    // A failing job is answered with 404 and the engine's message, as Camunda's JobResourceImpl
    // does (docs/camunda-semantics.md#failed-jobs-and-retries).
    rethrowEngineError(
      () => {
        engine.executeJob(pathParam(c, 'id'));
      },
      (error) => new InvalidRequestException(404, error.message),
    );
    return c.body(null, 204);
  });

  app.put('/job/:id/retries', async (c) => {
    const body = await readJsonBody(c, retriesSchema);
    refuseDueDate(body);
    const retries = requireRetries(body);
    const job = engine.job(pathParam(c, 'id'));
    if (job && retries >= 0) {
      c.var.checker.checkUpdateRetriesJob(job);
    }
    // 500, although the OpenAPI document says 404: Camunda's JobResourceImpl wraps the engine's
    // error in a 500 InvalidRequestException.
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
    c.var.checker.checkReadJob(job);
    c.header('Content-Type', 'text/plain; charset=UTF-8');
    return c.body(job.stacktrace ?? '', 200);
  });

  addListRoutes(app, '/job-definition', {
    spec: JOB_DEFINITION_QUERY,
    find: (filters, sortings, paging, c) =>
      findJobDefinitions(c.var.reader, filters, sortings, paging),
    toDto: (definition) => toJobDefinitionDto(definition),
    post: true,
  });

  app.get('/job-definition/:id', (c) => {
    const id = pathParam(c, 'id');
    const definition = c.var.reader.jobDefinition(id);
    if (!definition) {
      throw new InvalidRequestException(404, `Job Definition with id ${id} does not exist`);
    }
    return c.json(toJobDefinitionDto(definition));
  });

  app.put('/job-definition/:id/retries', async (c) => {
    const body = await readJsonBody(c, retriesSchema);
    refuseDueDate(body);
    const retries = requireRetries(body);
    const key = engine.jobDefinition(pathParam(c, 'id'))?.processDefinitionKey ?? null;
    // SetJobRetriesCmd by job definition: checkUpdateRetriesProcessInstanceByProcessDefinitionId.
    if (key !== null && retries >= 0) {
      c.var.checker.checkUpdateRetriesProcessInstanceByProcessDefinitionKey(key);
    }
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
