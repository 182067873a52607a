/** `/process-definition`: list, statistics, get (by id or key), XML, start. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { EngineApi } from '../../engine/engine-api';
import type { ProcessDefinitionRec } from '../../engine/runtime/state';
import { findProcessDefinitions } from '../../engine/query/repository-query';
import type {
  ProcessInstanceDto,
  ProcessInstanceWithVariablesDto,
} from '../../contract/camunda/process-instance';
import type {
  IncidentStatisticsResultDto,
  ProcessDefinitionDiagramDto,
  ProcessDefinitionStatisticsResultDto,
} from '../../contract/camunda/repository';
import { toProcessDefinitionDto, toProcessInstanceDto } from '../dto-mappers';
import { instructionListSchema, toModificationInstructions } from '../modification-instructions';
import { defineQuery, parseUrlFilters } from '../query-params';
import {
  bodyObject,
  jsonBoolean,
  jsonString,
  readJsonBody,
  variableMapSchema,
} from '../request-body';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException, RestException, isWrappableEngineException } from '../rest-errors';
import { toTypedValueMap, toVariableMapDto } from '../variable-values';
import { addListRoutes } from './list-routes';

const PROCESS_DEFINITION_QUERY = defineQuery(
  {
    processDefinitionId: 'string',
    processDefinitionIdIn: 'stringList',
    name: 'string',
    nameLike: 'string',
    deploymentId: 'string',
    key: 'string',
    keysIn: 'stringList',
    keyLike: 'string',
    category: 'string',
    categoryLike: 'string',
    version: 'integer',
    latestVersion: 'boolean',
    resourceName: 'string',
    resourceNameLike: 'string',
    suspended: 'boolean',
    active: 'boolean',
    versionTag: 'string',
    versionTagLike: 'string',
    withoutVersionTag: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
  },
  [
    'id',
    'key',
    'name',
    'version',
    'category',
    'deploymentId',
    'deployTime',
    'tenantId',
    'versionTag',
  ],
);

const startSchema = bodyObject({
  businessKey: jsonString.nullish(),
  caseInstanceId: jsonString.nullish(),
  variables: variableMapSchema.nullish(),
  startInstructions: instructionListSchema,
  skipCustomListeners: jsonBoolean.nullish(),
  skipIoMappings: jsonBoolean.nullish(),
  withVariablesInReturn: jsonBoolean.nullish(),
});

type StartBody = z.output<typeof startSchema>;

/** Running instances, failed jobs and incidents per definition (`ProcessDefinitionStatisticsQuery`). */
function statistics(
  engine: EngineApi,
  options: {
    failedJobs?: boolean;
    incidents?: boolean;
    incidentsForType?: string;
    rootIncidents?: boolean;
  },
): ProcessDefinitionStatisticsResultDto[] {
  const instances = new Map<string, number>();
  const incidents = new Map<string, Map<string, number>>();
  const countIncidents =
    options.incidents === true ||
    options.rootIncidents === true ||
    options.incidentsForType !== undefined;
  for (const instance of engine.instances()) {
    instances.set(
      instance.processDefinitionId,
      (instances.get(instance.processDefinitionId) ?? 0) + 1,
    );
  }
  if (countIncidents) {
    for (const incident of engine.incidents()) {
      if (incident.processDefinitionId === null) {
        continue;
      }
      if (
        options.incidentsForType !== undefined &&
        incident.incidentType !== options.incidentsForType
      ) {
        continue;
      }
      if (options.rootIncidents === true && incident.rootCauseIncidentId !== incident.id) {
        continue;
      }
      const byType = incidents.get(incident.processDefinitionId) ?? new Map<string, number>();
      byType.set(incident.incidentType, (byType.get(incident.incidentType) ?? 0) + 1);
      incidents.set(incident.processDefinitionId, byType);
    }
  }
  const failedJobs = new Map<string, number>();
  if (options.failedJobs === true) {
    for (const job of engine.jobs()) {
      if (job.processDefinitionId === null || job.retries > 0) {
        continue;
      }
      failedJobs.set(job.processDefinitionId, (failedJobs.get(job.processDefinitionId) ?? 0) + 1);
    }
  }
  return [...engine.definitions()].map((definition) => {
    const byType = incidents.get(definition.id) ?? new Map<string, number>();
    const incidentDtos: IncidentStatisticsResultDto[] = [...byType].map(
      ([incidentType, incidentCount]) => ({
        incidentType,
        incidentCount,
      }),
    );
    return {
      '@class': 'org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionStatisticsResultDto',
      id: definition.id,
      instances: instances.get(definition.id) ?? 0,
      failedJobs: failedJobs.get(definition.id) ?? 0,
      incidents: incidentDtos,
      definition: toProcessDefinitionDto(definition),
    };
  });
}

export function processDefinitionRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();

  // ProcessDefinitionResourceImpl answers an unknown id with this 404, for the definition and its
  // XML alike (getProcessDefinitionBpmn20Xml turns the engine's NotFoundException into it, as
  // ProcessDefinitionRestServiceInteractionTest.testNonExistingProcessDefinitionBpmn20XmlRetrieval
  // checks).
  // GetDeployedProcessDefinitionCmd checks READ once the definition is found: 403, not 404.
  const byId = (c: RestContext, id: string): ProcessDefinitionRec => {
    const definition = engine.definition(id);
    if (!definition) {
      throw new InvalidRequestException(404, `No matching definition with id ${id}`);
    }
    c.var.checker.checkReadProcessDefinition(definition.key);
    return definition;
  };
  // ProcessDefinitionRestServiceImpl.getProcessDefinitionByKey, which every `/key/{key}/…`
  // resource goes through, throws a plain RestException (testNonExistingProcessDefinitionRetrieval_ByKey).
  // It is a query, so a definition the user may not read is not found.
  const byKey = (c: RestContext, key: string): ProcessDefinitionRec => {
    const definition = engine.latestDefinition(key, null);
    if (!definition || !c.var.checker.canReadProcessDefinition(definition.key)) {
      throw new RestException(
        404,
        `No matching process definition with key: ${key} and no tenant-id`,
      );
    }
    return definition;
  };

  const start = async (c: RestContext, definitionId: string, body: StartBody) => {
    let result: ReturnType<EngineApi['startProcessInstance']>;
    const failure = (message: string) =>
      `Cannot instantiate process definition ${definitionId}: ${message}`;
    const definition = engine.definition(definitionId);
    // StartProcessInstanceCmd checks once the definition is found.
    if (definition) {
      c.var.checker.checkCreateProcessInstance(definition.key);
    }
    try {
      result = await engine.startProcessInstanceInTurns(definitionId, {
        businessKey: body.businessKey ?? null,
        variables: toTypedValueMap(body.variables),
        startInstructions: toModificationInstructions(body.startInstructions, 'instantiation'),
        skipCustomListeners: body.skipCustomListeners === true,
        skipIoMappings: body.skipIoMappings === true,
        userId: c.var.userId,
      });
    } catch (error) {
      if (error instanceof RestException) {
        throw new InvalidRequestException(error.status, failure(error.message));
      }
      if (isWrappableEngineException(error)) {
        throw new RestException(500, failure(error.message));
      }
      throw error;
    }
    const ended = 'ended' in result && result.ended;
    const dto = toProcessInstanceDto(result, c.var.baseUrl, ended);
    if (body.withVariablesInReturn !== true) {
      return c.json<ProcessInstanceDto>(dto);
    }
    // An instance that already ended has no runtime variables left to return.
    const variables = ended ? {} : (engine.processVariables(result.id) ?? {});
    return c.json<ProcessInstanceWithVariablesDto>({
      ...dto,
      variables: toVariableMapDto(variables),
    });
  };

  addListRoutes(app, '/process-definition', {
    spec: PROCESS_DEFINITION_QUERY,
    find: (filters, sortings, paging, c) =>
      findProcessDefinitions(c.var.reader, filters, sortings, paging),
    toDto: (definition) => toProcessDefinitionDto(definition),
  });

  app.get('/process-definition/statistics', (c) => {
    const options = parseUrlFilters(urlQuery(c), {
      failedJobs: 'boolean',
      incidents: 'boolean',
      incidentsForType: 'string',
      rootIncidents: 'boolean',
    });
    const chosen = [options.incidents, options.incidentsForType, options.rootIncidents].filter(
      (o) => o !== undefined,
    );
    if (chosen.length > 1) {
      throw new InvalidRequestException(
        400,
        'Only one of the query parameter incidents, incidentsForType or rootIncidents can be set.',
      );
    }
    return c.json(statistics(c.var.reader, options));
  });

  app.get('/process-definition/key/:key', (c) =>
    c.json(toProcessDefinitionDto(byKey(c, pathParam(c, 'key')))),
  );
  app.get('/process-definition/key/:key/xml', (c) => {
    const definition = byKey(c, pathParam(c, 'key'));
    return c.json<ProcessDefinitionDiagramDto>({
      id: definition.id,
      bpmn20Xml: engine.definitionXml(definition.id) ?? '',
    });
  });
  app.post('/process-definition/key/:key/start', async (c) => {
    const definition = byKey(c, pathParam(c, 'key'));
    return start(c, definition.id, await readJsonBody(c, startSchema));
  });

  app.get('/process-definition/:id', (c) =>
    c.json(toProcessDefinitionDto(byId(c, pathParam(c, 'id')))),
  );
  app.get('/process-definition/:id/xml', (c) => {
    const definition = byId(c, pathParam(c, 'id'));
    return c.json<ProcessDefinitionDiagramDto>({
      id: definition.id,
      bpmn20Xml: engine.definitionXml(definition.id) ?? '',
    });
  });
  app.post('/process-definition/:id/start', async (c) =>
    start(c, pathParam(c, 'id'), await readJsonBody(c, startSchema)),
  );

  return app;
}
