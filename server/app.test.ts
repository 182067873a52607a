import { describe, expect, it } from 'vitest';
import type { BatchDto, BatchStatisticsDto } from '../contract/camunda/batch';
import type { ExceptionDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { JobDto } from '../contract/camunda/job';
import type { ActivityInstanceDto, ProcessInstanceDto } from '../contract/camunda/process-instance';
import type {
  DeploymentWithDefinitionsDto,
  ProcessDefinitionDto,
} from '../contract/camunda/repository';
import type { TaskDto } from '../contract/camunda/task';
import { asyncServiceProcess, createTestApp, twoTaskProcess } from './testing/test-app';

const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

function childActivityIds(tree: unknown): string[] {
  return (tree as ActivityInstanceDto).childActivityInstances
    .map((child) => child.activityId)
    .sort();
}

describe('authentication', () => {
  it('answers 401 with a Basic challenge and an empty body without credentials', async () => {
    const { request } = createTestApp();
    const response = await request('GET', '/version', { authorization: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Basic realm="default"');
    expect(response.text).toBe('');
  });

  it('answers 401 for a wrong password and lets demo/demo in', async () => {
    const { request } = createTestApp();
    // john: a wrong password delays the user it was tried for (login throttling).
    const wrong = await request('GET', '/version', { authorization: `Basic ${btoa('john:nope')}` });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('');
    const right = await request('GET', '/version');
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ version: '7.24.0' });
  });

  it('lists the engines without credentials', async () => {
    const { request } = createTestApp();
    const response = await request('GET', '/engine', { authorization: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([{ name: 'default' }]);
    expect((await request('GET', '/engine/default/version', { authorization: null })).status).toBe(
      401,
    );
  });

  it('with authentication off serves every request, whatever the credentials', async () => {
    const { request } = createTestApp({ authentication: false });
    for (const authorization of [null, `Basic ${btoa('demo:wrong')}`, 'Bearer nonsense']) {
      const response = await request('GET', '/version', { authorization });
      expect(response.status).toBe(200);
      expect(response.headers.get('WWW-Authenticate')).toBeNull();
    }
  });
});

describe('engines and paths', () => {
  it('lists the default engine and serves the API under /engine/default too', async () => {
    const { request } = createTestApp();
    expect((await request('GET', '/engine')).body).toEqual([{ name: 'default' }]);
    expect((await request('GET', '/engine/default/version')).body).toEqual({ version: '7.24.0' });
  });

  it('refuses other engine names before authentication, and unknown paths', async () => {
    const { request } = createTestApp();
    const other = await request('GET', '/engine/other/process-instance', { authorization: null });
    expect(other.status).toBe(404);
    expect(other.body).toEqual({
      type: 'InvalidRequestException',
      message: 'Process engine other not available',
      code: null,
    });
    expect((await request('GET', '/engine/other')).status).toBe(404);
    const unknown = await request('GET', '/no-such-resource');
    expect(unknown.status).toBe(404);
    expect((unknown.body as ExceptionDto).type).toBe('NotFoundException');
  });

  it('without authentication lets the resource refuse another engine name', async () => {
    const { request } = createTestApp({ authentication: false });
    const other = await request('GET', '/engine/other/process-instance');
    expect(other.status).toBe(400);
    expect(other.body).toEqual({
      type: 'InvalidRequestException',
      message: 'No process engine available',
      code: null,
    });
  });
});

describe('deployments', () => {
  it('deploys a multipart upload and lists, reads and deletes it', async () => {
    const { request, deploy } = createTestApp();
    const deployment = (await deploy(
      'two-tasks.bpmn',
      twoTaskProcess(),
    )) as unknown as DeploymentWithDefinitionsDto;
    expect(deployment.name).toBe('two-tasks.bpmn');
    expect(deployment.deploymentTime).toMatch(CAMUNDA_DATE);
    expect(deployment.links[0]?.href).toBe(
      `http://localhost/engine-rest/deployment/${deployment.id}`,
    );
    const definitions = Object.values(deployment.deployedProcessDefinitions ?? {});
    expect(definitions).toHaveLength(1);
    expect(definitions[0]).toMatchObject({
      key: 'twoTasks',
      name: 'Two tasks',
      version: 1,
      resource: 'two-tasks.bpmn',
    });

    expect((await request('GET', '/deployment')).body).toHaveLength(1);
    expect((await request('GET', `/deployment/${deployment.id}`)).body).toMatchObject({
      id: deployment.id,
    });
    const latest = (await request('GET', '/process-definition?key=twoTasks&latestVersion=true'))
      .body as ProcessDefinitionDto[];
    expect(latest.map((definition) => definition.id)).toEqual([definitions[0]?.id]);
    const xml = await request('GET', `/process-definition/${definitions[0]?.id ?? ''}/xml`);
    expect((xml.body as { bpmn20Xml: string }).bpmn20Xml).toContain('<userTask id="task1"');

    expect((await request('DELETE', `/deployment/${deployment.id}?cascade=true`)).status).toBe(204);
    const gone = await request('GET', `/deployment/${deployment.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      type: 'InvalidRequestException',
      message: `Deployment with id '${deployment.id}' does not exist`,
      code: null,
    });
  });

  it('refuses an upload without resources', async () => {
    const { request } = createTestApp();
    const form = new FormData();
    form.append('deployment-name', 'empty');
    const response = await request('POST', '/deployment/create', { form });
    expect(response.status).toBe(400);
    expect((response.body as ExceptionDto).message).toBe(
      'No deployment resources contained in the form upload.',
    );
  });

  it('reports BPMN the engine cannot run as a 400 ParseException', async () => {
    const { request } = createTestApp();
    const form = new FormData();
    form.append('broken.bpmn', new Blob(['<definitions'], { type: 'text/xml' }), 'broken.bpmn');
    const response = await request('POST', '/deployment/create', { form });
    expect(response.status).toBe(400);
    expect((response.body as ExceptionDto).type).toBe('ParseException');
  });
});

describe('error bodies', () => {
  it('answers JSON that cannot be parsed or mapped with an empty InvalidRequestException', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const broken = await request('POST', `/process-instance/${id}/modification`, {
      json: '{"instructions": [',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ type: 'InvalidRequestException', message: '', code: null });
    const unknownType = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: [{ type: 'teleport', activityId: 'task2' }] },
    });
    expect(unknownType.body).toEqual({ type: 'InvalidRequestException', message: '', code: null });
    const wrongType = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: [], skipIoMappings: { yes: true } },
    });
    expect(wrongType.status).toBe(400);
  });

  it('reports engine validation errors with their class name and code 0', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const response = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: [{ type: 'startBeforeActivity', activityId: 'nowhere' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'NotValidException', code: 0 });
    expect((response.body as ExceptionDto).message).toContain("Element 'nowhere' does not exist");
  });

  it("answers an unknown instance with Camunda's 404", async () => {
    const { request } = createTestApp();
    for (const path of ['/process-instance/nope', '/process-instance/nope/activity-instances']) {
      const response = await request('GET', path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        type: 'InvalidRequestException',
        message: 'Process instance with id nope does not exist',
        code: null,
      });
    }
    expect((await request('DELETE', '/process-instance/nope')).status).toBe(404);
  });

  it('validates sorting parameters as Camunda does', async () => {
    const { request } = createTestApp();
    const badSortBy = await request('GET', '/process-instance?sortBy=color&sortOrder=asc');
    expect(badSortBy.status).toBe(400);
    expect((badSortBy.body as ExceptionDto).message).toBe(
      "Cannot set query parameter 'sortBy' to value 'color'",
    );
    const badOrder = await request('GET', '/job?sortBy=jobId&sortOrder=up');
    expect((badOrder.body as ExceptionDto).message).toBe(
      "Cannot set query parameter 'sortOrder' to value 'up'",
    );
    const single = await request('GET', '/task?sortBy=name');
    expect(single.status).toBe(400);
    expect((single.body as ExceptionDto).message).toBe(
      'Only a single sorting parameter specified. sortBy and sortOrder required',
    );
  });
});

describe('process instances', () => {
  it('starts with variables and returns them on request', async () => {
    const { request, deploy } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const response = await request('POST', '/process-definition/key/twoTasks/start', {
      json: {
        businessKey: 'order-1',
        variables: {
          amount: { value: 42, type: 'Integer' },
          due: { value: '2024-02-01T00:00:00.000+0100', type: 'Date' },
        },
        withVariablesInReturn: true,
      },
    });
    expect(response.status).toBe(200);
    const instance = response.body as ProcessInstanceDto & { variables: Record<string, unknown> };
    expect(instance).toMatchObject({
      businessKey: 'order-1',
      ended: false,
      suspended: false,
      caseInstanceId: null,
    });
    expect(instance.links[0]?.href).toBe(
      `http://localhost/engine-rest/process-instance/${instance.id}`,
    );
    expect(instance.variables).toEqual({
      amount: { type: 'Integer', value: 42, valueInfo: {} },
      due: { type: 'Date', value: '2024-01-31T23:00:00.000+0000', valueInfo: {} },
    });
    // A GET value is a String, which no Integer variable matches; a body carries the number.
    const asText = await request(
      'GET',
      '/process-instance?businessKeyLike=order-%&variables=amount_gteq_40',
    );
    expect(asText.body).toEqual([]);
    const list = await request('POST', '/process-instance', {
      json: {
        businessKeyLike: 'order-%',
        variables: [{ name: 'amount', operator: 'gteq', value: 40 }],
      },
    });
    expect((list.body as ProcessInstanceDto[]).map((pi) => pi.id)).toEqual([instance.id]);
    const none = await request('POST', '/process-instance', {
      json: { variables: [{ name: 'amount', operator: 'lt', value: 40 }] },
    });
    expect(none.body).toEqual([]);
  });

  it('refuses a variable whose value does not fit its type', async () => {
    const { request, deploy } = createTestApp();
    const deployment = await deploy('p.bpmn', twoTaskProcess());
    const [definitionId] = Object.keys(deployment.deployedProcessDefinitions as object);
    const response = await request('POST', `/process-definition/${definitionId ?? ''}/start`, {
      json: { variables: { amount: { value: 'abc', type: 'Integer' } } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'InvalidRequestException',
      message: `Cannot instantiate process definition ${definitionId ?? ''}: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer`,
      code: null,
    });
  });

  it('reads, sets and deletes process variables', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const put = await request('PUT', `/process-instance/${id}/variables/when`, {
      json: { value: '2013-01-23T14:42:45.000+0200', type: 'Date' },
    });
    expect(put.status).toBe(204);
    expect((await request('GET', `/process-instance/${id}/variables/when`)).body).toEqual({
      type: 'Date',
      value: '2013-01-23T12:42:45.000+0000',
      valueInfo: {},
    });
    const invalid = await request('PUT', `/process-instance/${id}/variables/count`, {
      json: { value: 'abc', type: 'Integer' },
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body as ExceptionDto).message).toBe(
      "Cannot put process instance variable count: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer",
    );
    const patch = await request('POST', `/process-instance/${id}/variables`, {
      json: { modifications: { a: { value: 'x' } }, deletions: ['when'] },
    });
    expect(patch.status).toBe(204);
    expect(
      Object.keys((await request('GET', `/process-instance/${id}/variables`)).body as object),
    ).toEqual(['a']);
    const missing = await request('GET', `/process-instance/${id}/variables/when`);
    expect(missing.status).toBe(404);
    expect((missing.body as ExceptionDto).message).toBe(
      'process instance variable with name when does not exist',
    );
  });

  it('suspends and activates an instance', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    expect(
      (await request('PUT', `/process-instance/${id}/suspended`, { json: { suspended: true } }))
        .status,
    ).toBe(204);
    expect((await request('GET', `/process-instance?suspended=true`)).body).toHaveLength(1);
    await request('PUT', `/process-instance/${id}/suspended`, { json: { suspended: false } });
    expect((await request('GET', `/process-instance/${id}`)).body).toMatchObject({
      suspended: false,
    });
  });
});

describe('modification', () => {
  it('moves a token and logs the operation for the authenticated user', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const tree = (await request('GET', `/process-instance/${id}/activity-instances`))
      .body as ActivityInstanceDto;
    expect(childActivityIds(tree)).toEqual(['task1']);
    const task1 = tree.childActivityInstances[0]?.id ?? '';

    const response = await request('POST', `/process-instance/${id}/modification`, {
      json: {
        instructions: [
          { type: 'startBeforeActivity', activityId: 'task2' },
          { type: 'cancel', activityInstanceId: task1 },
        ],
        annotation: 'moved by test',
      },
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(
      childActivityIds((await request('GET', `/process-instance/${id}/activity-instances`)).body),
    ).toEqual(['task2']);
    const tasks = (await request('GET', `/task?processInstanceId=${id}`)).body as TaskDto[];
    expect(tasks.map((task) => task.taskDefinitionKey)).toEqual(['task2']);
    expect(tasks[0]?.created).toMatch(CAMUNDA_DATE);

    const log = (await request('GET', `/history/user-operation?processInstanceId=${id}`))
      .body as UserOperationLogEntryDto[];
    expect(log.filter((entry) => entry.operationType === 'ModifyProcessInstance')).toEqual([
      expect.objectContaining({
        userId: 'demo',
        entityType: 'ProcessInstance',
        annotation: 'moved by test',
      }),
    ]);
  });

  it('does nothing, successfully, without instructions', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    for (const json of [{}, { instructions: [] }]) {
      expect((await request('POST', `/process-instance/${id}/modification`, { json })).status).toBe(
        204,
      );
    }
    expect(
      childActivityIds((await request('GET', `/process-instance/${id}/activity-instances`)).body),
    ).toEqual(['task1']);
    expect(
      (await request('GET', `/history/user-operation/count?processInstanceId=${id}`)).body,
    ).toEqual({
      count: 0,
    });
  });

  it('rejects an invalid instruction before the engine runs', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const response = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: [{ type: 'cancel', activityId: 'task1', activityInstanceId: 'x' }] },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'InvalidRequestException',
      message:
        "For instruction type 'cancel': exactly one, 'activityId', 'activityInstanceId', or 'transitionInstanceId', is required",
      code: null,
    });
  });

  it('validates /modification/execute in the order of ModificationRestServiceImpl', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const definitionId = (
      (await request('GET', '/process-definition')).body as ProcessDefinitionDto[]
    )[0]?.id;
    const messageOf = async (json: unknown) =>
      ((await request('POST', '/modification/execute', { json })).body as ExceptionDto).message;
    expect(await messageOf({ instructions: [{ type: 'cancel' }] })).toBe(
      'processDefinitionId is null',
    );
    expect(
      await messageOf({ processDefinitionId: definitionId, instructions: [{ type: 'cancel' }] }),
    ).toBe("For instruction type 'cancel': 'activityId' must be set");
    expect(
      await messageOf({ processDefinitionId: definitionId, processInstanceIds: [id] }),
    ).toContain('Modification instructions cannot be empty');
    const instructions = [{ type: 'cancel', activityId: 'task1' }];
    expect(await messageOf({ processDefinitionId: definitionId, instructions })).toBe(
      'Process instance ids cannot be empty: Process instance ids is empty',
    );
    expect(
      await messageOf({
        processDefinitionId: definitionId,
        instructions,
        processInstanceIds: [null],
      }),
    ).toBe('Process instance ids cannot be null: Process instance ids contains null value');
    expect(
      await messageOf({ processDefinitionId: 'nope', instructions, processInstanceIds: [id] }),
    ).toBe("no deployed process definition found with id 'nope': processDefinition is null");
  });
});

describe('jobs', () => {
  it('lists and executes a job', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', asyncServiceProcess());
    const id = await start('asyncService');
    const jobs = (await request('GET', `/job?processInstanceId=${id}&activityId=service`))
      .body as JobDto[];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      retries: 3,
      exceptionMessage: null,
      processDefinitionKey: 'asyncService',
    });
    expect(jobs[0]?.createTime).toMatch(CAMUNDA_DATE);
    expect((await request('POST', `/job/${jobs[0]?.id ?? ''}/execute`)).status).toBe(204);
    expect((await request('GET', `/task/count?processInstanceId=${id}`)).body).toEqual({
      count: 1,
    });
  });

  it('answers a failing job with 404 and records the failure', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', asyncServiceProcess('failing', '${missingBean.call()}'));
    await start('failing');
    const [job] = (await request('GET', '/job')).body as JobDto[];
    const jobId = job?.id ?? '';
    const response = await request('POST', `/job/${jobId}/execute`);
    expect(response.status).toBe(404);
    expect((response.body as ExceptionDto).type).toBe('InvalidRequestException');
    const failed = (await request('GET', `/job/${jobId}`)).body as JobDto;
    expect(failed.retries).toBe(2);
    expect(failed.exceptionMessage).toBe((response.body as ExceptionDto).message);
    expect((await request('GET', '/job/count?withException=true')).body).toEqual({ count: 1 });
    const stacktrace = await request('GET', `/job/${jobId}/stacktrace`);
    expect(stacktrace.status).toBe(200);
    expect(stacktrace.headers.get('content-type')).toContain('text/plain');
  });

  it('answers retries for an unknown job with 500', async () => {
    const { request } = createTestApp();
    const response = await request('PUT', '/job/nope/retries', { json: { retries: 1 } });
    expect(response.status).toBe(500);
    expect((response.body as ExceptionDto).type).toBe('InvalidRequestException');
  });
});

describe('messages', () => {
  it('rejects a message without name or match', async () => {
    const { request } = createTestApp();
    const unnamed = await request('POST', '/message', { json: {} });
    expect(unnamed.status).toBe(400);
    expect((unnamed.body as ExceptionDto).message).toBe('No message name supplied');
    const unmatched = await request('POST', '/message', { json: { messageName: 'nope' } });
    expect(unmatched.status).toBe(400);
    expect((unmatched.body as ExceptionDto).type).toBe('RestException');
    expect((unmatched.body as ExceptionDto).message).toContain("Cannot correlate message 'nope'");
  });
});

describe('batches', () => {
  it('creates a modification batch, reports it and deletes it', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const created = await request('POST', `/process-instance/${id}/modification-async`, {
      json: {
        instructions: [{ type: 'startBeforeActivity', activityId: 'task2' }],
        annotation: 'async',
      },
    });
    expect(created.status).toBe(200);
    const batch = created.body as BatchDto;
    expect(batch).toMatchObject({
      type: 'instance-modification',
      totalJobs: 1,
      jobsCreated: 0,
      createUserId: 'demo',
    });
    expect(batch.startTime).toMatch(CAMUNDA_DATE);
    expect(batch.executionStartTime).toBeNull();

    expect(((await request('GET', '/batch')).body as BatchDto[]).map((b) => b.id)).toEqual([
      batch.id,
    ]);
    expect((await request('GET', `/batch/${batch.id}`)).body).toEqual(batch);
    const [statistics] = (await request('GET', `/batch/statistics?batchId=${batch.id}`))
      .body as BatchStatisticsDto[];
    expect(statistics).toMatchObject({ remainingJobs: 1, completedJobs: 0, failedJobs: 0 });
    expect((await request('GET', '/history/batch/count')).body).toEqual({ count: 1 });

    expect((await request('DELETE', `/batch/${batch.id}?cascade=true`)).status).toBe(204);
    const gone = await request('GET', `/batch/${batch.id}`);
    expect(gone.status).toBe(404);
    expect((gone.body as ExceptionDto).message).toBe(`Batch with id '${batch.id}' does not exist`);
    const again = await request('DELETE', `/batch/${batch.id}`);
    expect(again.status).toBe(400);
    expect((again.body as ExceptionDto).message).toBe(
      `Unable to delete batch with id '${batch.id}'`,
    );
  });

  it('refuses an async modification without instructions', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const response = await request('POST', `/process-instance/${id}/modification-async`, {
      json: {},
    });
    expect(response.status).toBe(400);
    expect((response.body as ExceptionDto).message).toBe('The provided instuctions are invalid.');
  });

  it('modifies many instances at once and can annotate the operation', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const ids = [await start('twoTasks'), await start('twoTasks')];
    const definitionId = (
      (await request('GET', '/process-definition')).body as ProcessDefinitionDto[]
    )[0]?.id;
    const response = await request('POST', '/modification/execute', {
      json: {
        processDefinitionId: definitionId,
        instructions: [
          { type: 'startBeforeActivity', activityId: 'task2' },
          { type: 'cancel', activityId: 'task1' },
        ],
        processInstanceQuery: { processDefinitionId: definitionId },
      },
    });
    expect(response.status).toBe(204);
    for (const id of ids) {
      expect(
        childActivityIds((await request('GET', `/process-instance/${id}/activity-instances`)).body),
      ).toEqual(['task2']);
    }
    const log = (await request('GET', '/history/user-operation?property=nrOfInstances'))
      .body as UserOperationLogEntryDto[];
    expect(log.map((entry) => entry.newValue)).toEqual(['2']);
    const operationId = log[0]?.operationId ?? '';
    const annotate = await request('PUT', `/history/user-operation/${operationId}/set-annotation`, {
      json: { annotation: 'fixed stuck orders' },
    });
    expect(annotate.status).toBe(204);
    const annotated = (await request('GET', `/history/user-operation?operationId=${operationId}`))
      .body as UserOperationLogEntryDto[];
    expect(annotated.map((entry) => entry.annotation)).toEqual([
      'fixed stuck orders',
      'fixed stuck orders',
    ]);
    const unknown = await request('PUT', '/history/user-operation/nope/clear-annotation');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      type: 'BadUserRequestException',
      message: 'operation is null',
    });
  });
});
