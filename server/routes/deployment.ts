/** `/deployment`: create (multipart), list, get, delete. */
import { Hono } from 'hono';
import { Resources } from '../../engine/authorization/resources';
import type { DeployInput, EngineApi } from '../../engine/engine-api';
import type { DeploymentRec } from '../../engine/runtime/state';
import { findDeployments } from '../../engine/query/repository-query';
import type {
  DeploymentWithDefinitionsDto,
  ProcessDefinitionDto,
} from '../../contract/camunda/repository';
import { toDeploymentDto, toProcessDefinitionDto } from '../dto-mappers';
import { defineQuery, parseUrlFilters } from '../query-params';
import { requireMediaType } from '../request-limits';
import type { RestContext, RestEnv } from '../rest-env';
import { pathParam, urlQuery } from '../rest-env';
import { InvalidRequestException } from '../rest-errors';
import { addListRoutes } from './list-routes';

const DEPLOYMENT_QUERY = defineQuery(
  {
    id: 'string',
    name: 'string',
    nameLike: 'string',
    source: 'string',
    withoutSource: 'boolean',
    tenantIdIn: 'stringList',
    withoutTenantId: 'boolean',
    before: 'date',
    after: 'date',
  },
  ['id', 'name', 'deploymentTime', 'tenantId'],
);

/** Form fields of `POST /deployment/create` that are not resources. */
const RESERVED_FIELDS = new Set([
  'deployment-name',
  'deployment-source',
  'deployment-activation-time',
  'enable-duplicate-filtering',
  'deploy-changed-only',
  'tenant-id',
]);

function formText(value: unknown): string | null {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : null;
}

function formBoolean(value: unknown): boolean {
  return formText(value)?.trim().toLowerCase() === 'true';
}

/** Reads the multipart form: the deployment fields and every file part as a resource. */
async function readDeployment(c: RestContext): Promise<DeployInput> {
  // DeploymentRestService.createDeployment is `@Consumes(MediaType.MULTIPART_FORM_DATA)`.
  requireMediaType(c, 'multipart/form-data');
  const form = await c.req.parseBody({ all: true });
  const resources: DeployInput['resources'] = [];
  for (const [field, value] of Object.entries(form)) {
    if (RESERVED_FIELDS.has(field)) {
      continue;
    }
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') {
        throw new InvalidRequestException(
          400,
          `No file name found in the deployment resource described by form parameter '${field}'.`,
        );
      }
      resources.push({ name: part.name || field, content: await part.text() });
    }
  }
  if (!resources.length) {
    throw new InvalidRequestException(400, 'No deployment resources contained in the form upload.');
  }
  return {
    name: formText(form['deployment-name']),
    source: formText(form['deployment-source']),
    tenantId: formText(form['tenant-id']),
    enableDuplicateFiltering: formBoolean(form['enable-duplicate-filtering']),
    deployChangedOnly: formBoolean(form['deploy-changed-only']),
    resources,
  };
}

export function deploymentRoutes(engine: EngineApi): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  /** A deployment query: one the user may not read is not found. */
  const requireDeployment = (c: RestContext, id: string, message: string): DeploymentRec => {
    const deployment = c.var.reader.deployment(id);
    if (!deployment) {
      throw new InvalidRequestException(404, message);
    }
    return deployment;
  };

  app.post('/deployment/create', async (c) => {
    const input = await readDeployment(c);
    // DeployCmd checks CREATE on Deployment before it parses anything.
    c.var.checker.checkCreateDeployment();
    const known = new Set([...engine.deployments()].map((existing) => existing.id));
    const { deployment, definitions } = await engine.deploy(input);
    if (!known.has(deployment.id)) {
      engine.authorizationService.newDeployment(c.var.userId, deployment.id);
    }
    const deployed: Record<string, ProcessDefinitionDto> = {};
    for (const definition of definitions) {
      deployed[definition.id] = toProcessDefinitionDto(definition);
    }
    return c.json<DeploymentWithDefinitionsDto>({
      ...toDeploymentDto(deployment, c.var.baseUrl),
      deployedProcessDefinitions: definitions.length ? deployed : null,
      deployedCaseDefinitions: null,
      deployedDecisionDefinitions: null,
      deployedDecisionRequirementsDefinitions: null,
    });
  });

  addListRoutes(app, '/deployment', {
    spec: DEPLOYMENT_QUERY,
    find: (filters, sortings, paging, c) =>
      findDeployments(c.var.reader, filters, sortings, paging),
    toDto: (deployment, c) => toDeploymentDto(deployment, c.var.baseUrl),
  });

  app.get('/deployment/:id', (c) => {
    const id = pathParam(c, 'id');
    const deployment = requireDeployment(c, id, `Deployment with id '${id}' does not exist`);
    return c.json(toDeploymentDto(deployment, c.var.baseUrl));
  });

  app.delete('/deployment/:id', (c) => {
    const id = pathParam(c, 'id');
    // Camunda's wording, grammar included.
    requireDeployment(c, id, `Deployment with id '${id}' do not exist`);
    const options = parseUrlFilters(urlQuery(c), {
      cascade: 'boolean',
      skipCustomListeners: 'boolean',
      skipIoMappings: 'boolean',
    });
    c.var.checker.checkDeleteDeployment(id);
    engine.deleteDeployment(id, options);
    engine.authorizationService.deleteAuthorizationsByResourceId(Resources.DEPLOYMENT, id);
    return c.body(null, 204);
  });

  return app;
}
