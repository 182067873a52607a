import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';

import type { IncidentDto, JobDto } from '../contract/camunda/job';
import type {
  ActivityInstanceDto,
  ProcessInstanceWithVariablesDto,
  StartProcessInstanceDto,
} from '../contract/camunda/process-instance';
import type {
  DeploymentWithDefinitionsDto,
  ProcessDefinitionDto,
} from '../contract/camunda/repository';
import { baseUrlOf, E2E_SERVERS } from './e2e-servers';
import { ModificationWorkspace } from './pages/modification-workspace';
import { ProcessDefinitionsPage } from './pages/process-definitions-page';
import { ProcessInstancePage } from './pages/process-instance-page';
import { SignInPage } from './pages/sign-in-page';

/** The engine's demo user (server/demo). */
export const DEMO_USER = { username: 'demo', password: 'demo' } as const;

/**
 * The servers besides the default one (`baseURL`), for `test.use({ baseURL })`: an engine without
 * authentication (`--no-auth`) and one at history level audit (`--history-level audit`), both
 * without demo data.
 */
export const NO_AUTH_BASE_URL = baseUrlOf(E2E_SERVERS.noAuth);
export const AUDIT_BASE_URL = baseUrlOf(E2E_SERVERS.audit);

const BPMN_FIXTURES_DIR = path.join(import.meta.dirname, 'fixtures');

/** A process this test deployed under a key of its own. */
export interface DeployedProcess {
  key: string;
  name: string;
  definition: ProcessDefinitionDto;
}

/** Test setup through the Camunda REST API, authenticated as the demo user. */
export class EngineRest {
  constructor(private readonly request: APIRequestContext) {}

  /**
   * Deploys `e2e/fixtures/<fileName>` with its (single) process renamed to a unique key and name,
   * so parallel tests and repeated runs against one engine never count each other's instances.
   */
  async deployProcess(fileName: string): Promise<DeployedProcess> {
    const xml = await readFile(path.join(BPMN_FIXTURES_DIR, fileName), 'utf8');
    const processMatch = /<bpmn:process id="([^"]+)" name="([^"]+)"/.exec(xml);
    if (processMatch === null) {
      throw new Error(`${fileName} has no <bpmn:process id="…" name="…">`);
    }
    const [, originalKey = '', originalName = ''] = processMatch;
    const suffix = randomUUID().slice(0, 8);
    const key = `${originalKey}-${suffix}`;
    const name = `${originalName} ${suffix}`;
    const renamed = xml
      .replaceAll(`"${originalKey}"`, `"${key}"`)
      .replace(`name="${originalName}"`, `name="${name}"`);

    const response = await this.request.post('/engine-rest/deployment/create', {
      multipart: {
        'deployment-name': `e2e ${key}`,
        'deployment-source': 'e2e',
        [fileName]: {
          name: fileName,
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(renamed),
        },
      },
    });
    const deployment = await json<DeploymentWithDefinitionsDto>(response);
    const definition = Object.values(deployment.deployedProcessDefinitions ?? {}).find(
      (candidate) => candidate.key === key,
    );
    if (definition === undefined) {
      throw new Error(`Deploying ${fileName} defined no process with key ${key}`);
    }
    return { key, name, definition };
  }

  /** `POST /process-definition/key/{key}/start`. */
  async startProcessInstance(
    key: string,
    body: StartProcessInstanceDto = {},
  ): Promise<ProcessInstanceWithVariablesDto> {
    const response = await this.request.post(
      `/engine-rest/process-definition/key/${encodeURIComponent(key)}/start`,
      { data: body },
    );
    return json<ProcessInstanceWithVariablesDto>(response);
  }

  /** `GET /engine-rest<path>`, answered 2xx with JSON. */
  async get<T>(path: string): Promise<T> {
    return json<T>(await this.request.get(`/engine-rest${path}`));
  }

  /** `POST /engine-rest<path>` with a JSON body; the answer must be 2xx. */
  async post(path: string, body: unknown): Promise<void> {
    const response = await this.request.post(`/engine-rest${path}`, { data: body });
    if (!response.ok()) {
      throw new Error(`${path} answered ${String(response.status())}: ${await response.text()}`);
    }
  }

  async activityInstances(processInstanceId: string): Promise<ActivityInstanceDto> {
    return this.get<ActivityInstanceDto>(
      `/process-instance/${processInstanceId}/activity-instances`,
    );
  }

  /**
   * Runs the instance's failing job until its retries are used up and it becomes an incident. The
   * server's job executor may get there first; either way the job is executed at most 3 times.
   */
  async failJobUntilIncident(processInstanceId: string): Promise<void> {
    await expect
      .poll(
        async () => {
          const incidents = await this.get<IncidentDto[]>(
            `/incident?processInstanceId=${processInstanceId}`,
          );
          if (incidents.length > 0) {
            return incidents.length;
          }
          const [job] = await this.get<JobDto[]>(`/job?processInstanceId=${processInstanceId}`);
          if (job !== undefined && job.retries > 0) {
            // Answers 500 with the job's exception: that failure is the point.
            await this.request.post(`/engine-rest/job/${job.id}/execute`);
          }
          return 0;
        },
        { timeout: 20_000 },
      )
      .toBe(1);
  }
}

interface Fixtures {
  engineRest: EngineRest;
  signInPage: SignInPage;
  processDefinitionsPage: ProcessDefinitionsPage;
}

export const test = base.extend<Fixtures>({
  engineRest: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      httpCredentials: { ...DEMO_USER, send: 'always' },
    });
    await use(new EngineRest(request));
    await request.dispose();
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  processDefinitionsPage: async ({ page }, use) => {
    await use(new ProcessDefinitionsPage(page));
  },
});

export { expect };

/** Opens an instance's page, signing in as demo on the way, once its diagram is ready. */
export async function openInstance(
  page: Page,
  signInPage: SignInPage,
  processInstanceId: string,
): Promise<{ instancePage: ProcessInstancePage; workspace: ModificationWorkspace }> {
  const instancePage = new ProcessInstancePage(page);
  const workspace = new ModificationWorkspace(page);
  await instancePage.goto(processInstanceId);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await expect(instancePage.readyDiagram).toBeVisible();
  return { instancePage, workspace };
}

async function json<T>(response: APIResponse): Promise<T> {
  if (!response.ok()) {
    throw new Error(
      `${response.url()} answered ${String(response.status())}: ${await response.text()}`,
    );
  }
  return (await response.json()) as T;
}
