/**
 * Authorization beyond single commands: what lists and counts hold, the /authorization resource,
 * running without authorization or authentication, users files, login throttling, /user and
 * /group, and Camunda's default authorizations.
 */
import { describe, expect, it } from 'vitest';
import type { TaskDto } from '../contract/camunda/task';
import { ProcessEngine } from '../engine/process-engine';
import { createApp } from './app';
import {
  BATCH,
  DEPLOYMENT,
  JOHN,
  MARY,
  MOVE_TO_TASK2,
  PROCESS_DEFINITION,
  PROCESS_INSTANCE,
  TASK,
  createdBatch,
  expectRefusal,
  firstTask,
  setUp,
} from './testing/authorization-fixture';
import { BASE, createTestApp, twoTaskProcess } from './testing/test-app';

describe('reads filtered by READ', () => {
  it('lists and counts only what the user may read, and answers lookups as Camunda does', async () => {
    const f = await setUp();
    await f.grant(PROCESS_INSTANCE, f.instanceId, ['READ']);
    const list = await f.request('GET', '/process-instance', { authorization: MARY });
    expect((list.body as { id: string }[]).map((pi) => pi.id)).toEqual([f.instanceId]);
    expect(
      (await f.request('GET', '/process-instance/count', { authorization: MARY })).body,
    ).toEqual({ count: 1 });
    expect(
      (await f.request('POST', '/process-instance/count', { json: {}, authorization: MARY })).body,
    ).toEqual({ count: 1 });
    // A query: an unreadable instance is not found. A command: it is refused.
    expect(
      (await f.request('GET', `/process-instance/${f.otherInstanceId}`, { authorization: MARY }))
        .status,
    ).toBe(404);
    expectRefusal(
      await f.request('GET', `/process-instance/${f.otherInstanceId}/activity-instances`, {
        authorization: MARY,
      }),
      'mary',
      [
        ['READ', 'ProcessInstance', f.otherInstanceId],
        ['READ_INSTANCE', 'ProcessDefinition', f.definitionKey],
      ],
    );
    expect(
      (
        await f.request('GET', `/process-instance/${f.instanceId}/activity-instances`, {
          authorization: MARY,
        })
      ).status,
    ).toBe(200);

    // Definitions: none readable, so none listed; by id a 403, by key a 404 (a query).
    expect((await f.request('GET', '/process-definition', { authorization: MARY })).body).toEqual(
      [],
    );
    expectRefusal(
      await f.request('GET', `/process-definition/${f.definitionId}`, { authorization: MARY }),
      'mary',
      [['READ', 'ProcessDefinition', f.definitionKey]],
    );
    expect(
      (
        await f.request('GET', `/process-definition/key/${f.definitionKey}`, {
          authorization: MARY,
        })
      ).status,
    ).toBe(404);

    // Tasks, history, batches, deployments, the operation log: nothing granted, nothing seen.
    for (const path of [
      '/task',
      '/job',
      '/incident',
      '/variable-instance',
      '/history/process-instance',
      '/history/activity-instance',
      '/history/variable-instance',
      '/history/user-operation',
      '/batch',
      '/history/batch',
      '/deployment',
      '/job-definition',
    ]) {
      const response = await f.request('GET', `${path}/count`, { authorization: MARY });
      expect(response.body, path).toEqual({ count: 0 });
      expect((await f.request('GET', `${path}/count`)).status, path).toBe(200);
    }

    // READ_HISTORY on the definition opens its history.
    await f.grant(PROCESS_DEFINITION, f.definitionKey, ['READ_HISTORY']);
    expect(
      (await f.request('GET', '/history/process-instance/count', { authorization: MARY })).body,
    ).toEqual({ count: 2 });
  });

  it('john reads definitions, instances, history and batches, and sees no task', async () => {
    const f = await setUp();
    await createdBatch(f);
    for (const [path, count] of [
      ['/process-definition', 1],
      ['/process-instance', 2],
      ['/history/process-instance', 2],
      ['/batch', 1],
      ['/history/batch', 1],
      ['/deployment', 1],
      ['/task', 0],
    ] as const) {
      expect((await f.request('GET', `${path}/count`, { authorization: JOHN })).body, path).toEqual(
        {
          count,
        },
      );
    }
  });
});

describe('/authorization', () => {
  it('creates, reads, counts, updates and deletes authorizations, each checked', async () => {
    const f = await setUp();
    const id = await f.grant(BATCH, '*', ['READ', 'UPDATE']);
    const read = await f.request('GET', `/authorization/${id}`);
    expect(read.body).toEqual({
      id,
      type: 1,
      permissions: ['READ', 'UPDATE'],
      userId: 'mary',
      groupId: null,
      resourceType: BATCH,
      resourceId: '*',
      removalTime: null,
      rootProcessInstanceId: null,
    });
    expect((await f.request('GET', '/authorization/count?userIdIn=mary')).body).toEqual({
      count: 1,
    });
    const list = await f.request(
      'GET',
      `/authorization?resourceType=${String(BATCH)}&groupIdIn=camunda-admin`,
    );
    expect((list.body as { permissions: string[] }[]).map((a) => a.permissions)).toEqual([['ALL']]);

    const update = await f.request('PUT', `/authorization/${id}`, {
      json: { permissions: ['DELETE'], userId: 'mary', resourceType: BATCH, resourceId: 'b1' },
    });
    expect(update.status, update.text).toBe(204);
    expect((await f.request('GET', `/authorization/${id}`)).body).toMatchObject({
      permissions: ['DELETE'],
      resourceId: 'b1',
    });

    // john may not read authorizations: none listed, none found, none created.
    expect((await f.request('GET', '/authorization/count', { authorization: JOHN })).body).toEqual({
      count: 0,
    });
    expect((await f.request('GET', `/authorization/${id}`, { authorization: JOHN })).status).toBe(
      404,
    );
    expectRefusal(
      await f.request('POST', '/authorization/create', {
        json: {
          type: 1,
          userId: 'john',
          resourceType: BATCH,
          resourceId: '*',
          permissions: ['ALL'],
        },
        authorization: JOHN,
      }),
      'john',
      [['CREATE', 'Authorization', null]],
    );

    expect((await f.request('DELETE', `/authorization/${id}`)).status).toBe(204);
    const logged = (
      await f.request(
        'GET',
        '/history/user-operation?entityType=Authorization&property=permissions',
      )
    ).body as { operationType: string; orgValue: string | null; newValue: string | null }[];
    expect(logged.map((entry) => [entry.operationType, entry.orgValue, entry.newValue])).toEqual([
      ['Create', null, 'READ, UPDATE'],
      ['Update', 'READ, UPDATE', 'DELETE'],
      ['Delete', null, 'DELETE'],
    ]);
    expect((await f.request('GET', `/authorization/${id}`)).body).toEqual({
      type: 'InvalidRequestException',
      message: `Authorization with id ${id} does not exist.`,
      code: null,
    });
  });

  it('refuses permissions of another resource type and a revoke of a global', async () => {
    const f = await setUp();
    const wrong = await f.request('POST', '/authorization/create', {
      json: {
        type: 1,
        userId: 'mary',
        resourceType: BATCH,
        resourceId: '*',
        permissions: ['ACCESS'],
      },
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { message: string }).message).toBe(
      "The permission 'ACCESS' is not valid for 'BATCH' resource type.",
    );
    const global = await f.request('POST', '/authorization/create', {
      json: {
        type: 0,
        groupId: 'sales',
        resourceType: BATCH,
        resourceId: '*',
        permissions: ['READ'],
      },
    });
    expect(global.status).toBe(500);
    expect((global.body as { message: string }).message).toBe(
      "ENGINE-03027 Cannot use 'groupId' for GLOBAL authorization",
    );
  });

  it('GET /authorization/check answers for the user, or for another user to a reader', async () => {
    const f = await setUp();
    const check = (query: string, authorization?: string) =>
      f.request('GET', `/authorization/check?${query}`, { authorization });
    expect(
      (await check('permissionName=CREATE&resourceName=Batch&resourceType=13', JOHN)).body,
    ).toEqual({
      permissionName: 'CREATE',
      resourceName: 'Batch',
      resourceId: null,
      authorized: false,
    });
    expect(
      (await check('permissionName=READ&resourceName=Batch&resourceType=13&resourceId=b1', JOHN))
        .body,
    ).toEqual({
      permissionName: 'READ',
      resourceName: 'Batch',
      resourceId: 'b1',
      authorized: true,
    });
    expect(
      (await check('permissionName=CREATE&resourceName=Batch&resourceType=13&userId=demo')).body,
    ).toMatchObject({ authorized: true });
    const notAReader = await check(
      'permissionName=CREATE&resourceName=Batch&resourceType=13&userId=demo',
      JOHN,
    );
    expect(notAReader.status).toBe(403);
    expect((notAReader.body as { message: string }).message).toBe(
      'You must have READ permission for Authorization resource.',
    );
    expect((await check('resourceName=Batch&resourceType=13')).body).toMatchObject({
      message: "Query parameter 'permissionName' cannot be null",
    });
  });
});

describe('--no-authorization', () => {
  it('lets every user do everything, reads everything, and checks answer authorized', async () => {
    const f = createTestApp({ authorizationEnabled: false });
    await f.deploy('p.bpmn', twoTaskProcess());
    const id = await f.start('twoTasks');
    const response = await f.request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: MOVE_TO_TASK2 },
      authorization: JOHN,
    });
    expect(response.status).toBe(204);
    expect((await f.request('GET', '/task/count', { authorization: JOHN })).body).toEqual({
      count: 1,
    });
    expect(
      (
        await f.request(
          'GET',
          '/authorization/check?permissionName=CREATE&resourceName=Batch&resourceType=13',
          { authorization: JOHN },
        )
      ).body,
    ).toMatchObject({ authorized: true });
  });

  it('without authentication nothing is checked and /authorization/check asks for a user', async () => {
    const f = createTestApp({ authentication: false });
    await f.deploy('p.bpmn', twoTaskProcess());
    const check = await f.request(
      'GET',
      '/authorization/check?permissionName=CREATE&resourceName=Batch&resourceType=13',
      { authorization: null },
    );
    expect(check.status).toBe(401);
    expect((check.body as { message: string }).message).toBe(
      'You must be authenticated in order to use this resource.',
    );
  });
});

describe('the users file', () => {
  it('replaces the users; a hashed password and group grants work', async () => {
    const { hashPassword } = await import('../engine/authorization/identity-service');
    const f = createTestApp({
      identities: {
        users: [
          {
            id: 'ops',
            password: await hashPassword('s3cret', 'salt'),
            salt: 'salt',
            groups: ['operators'],
          },
          { id: 'boss', password: 'boss', groups: ['camunda-admin'] },
        ],
        groups: [{ id: 'operators', name: 'Operators', type: 'WORKFLOW' }],
        authorizations: [
          {
            type: 1,
            groupId: 'operators',
            resourceType: BATCH,
            resourceId: '*',
            permissions: ['CREATE_BATCH_MODIFY_PROCESS_INSTANCES'],
          },
        ],
      },
    });
    const ops = `Basic ${btoa('ops:s3cret')}`;
    const boss = `Basic ${btoa('boss:boss')}`;
    expect((await f.request('GET', '/version')).status).toBe(401);
    expect((await f.request('GET', '/version', { authorization: JOHN })).status).toBe(401);
    expect((await f.request('GET', '/version', { authorization: ops })).status).toBe(200);
    await f.deploy('p.bpmn', twoTaskProcess()).catch(() => undefined);
    const form = new FormData();
    form.append('p.bpmn', new Blob([twoTaskProcess()]), 'p.bpmn');
    expect(
      (await f.request('POST', '/deployment/create', { form, authorization: boss })).status,
    ).toBe(200);
    expect(
      (
        await f.request(
          'GET',
          '/authorization/check?permissionName=CREATE_BATCH_MODIFY_PROCESS_INSTANCES&resourceName=Batch&resourceType=13',
          { authorization: ops },
        )
      ).body,
    ).toMatchObject({ authorized: true });
  });
});

describe('login throttling of Basic authentication', () => {
  it('answers 401 while a user is delayed or locked, even to the right password', async () => {
    let now = Date.UTC(2024, 0, 1);
    const engine = new ProcessEngine({ clock: () => now });
    const app = createApp({ engine, consoleDir: null });
    const version = async (user: string, password: string) =>
      (
        await app.request(`${BASE}/version`, {
          headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}` },
        })
      ).status;
    expect(await version('demo', 'guess')).toBe(401);
    expect(await version('demo', 'demo')).toBe(401);
    now += 3_000;
    expect(await version('demo', 'demo')).toBe(200);
    // Ten failures lock the user (loginMaxAttempts); the lock outlasts the longest delay.
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await version('john', 'guess')).toBe(401);
      now += 60_000;
    }
    expect(await version('john', 'john')).toBe(401);
    expect(await version('demo', 'demo')).toBe(200);
  });
});

describe('/user and /group', () => {
  it('list, count and show the users and groups the caller may READ', async () => {
    const f = await setUp();
    const users = await f.request('GET', '/user?sortBy=userId&sortOrder=asc');
    expect(users.body).toEqual([
      { id: 'demo', firstName: 'Demo', lastName: 'Demo', email: 'demo@camunda.org' },
      { id: 'john', firstName: 'John', lastName: 'Doe', email: 'john@camunda.org' },
      { id: 'mary', firstName: null, lastName: null, email: null },
    ]);
    expect((await f.request('GET', '/user/count?memberOfGroup=sales')).body).toEqual({ count: 1 });
    expect((await f.request('GET', '/group?member=demo')).body).toEqual([
      { id: 'camunda-admin', name: 'camunda BPM Administrators', type: 'SYSTEM' },
    ]);
    expect((await f.request('GET', '/user/count', { authorization: JOHN })).body).toEqual({
      count: 0,
    });
    await f.grant(1, 'john', ['READ']);
    expect((await f.request('GET', '/user/john/profile', { authorization: MARY })).status).toBe(
      200,
    );
    expect((await f.request('GET', '/user/demo/profile', { authorization: MARY })).status).toBe(
      404,
    );
  });
});

describe("Camunda's default authorizations (DefaultAuthorizationProvider)", () => {
  it('lets whoever deploys read and delete the deployment, and drops that when it is gone', async () => {
    const f = await setUp();
    await f.grant(DEPLOYMENT, '*', ['CREATE']);
    const form = new FormData();
    form.append('m.bpmn', new Blob([twoTaskProcess('marys')]), 'm.bpmn');
    const deployed = await f.request('POST', '/deployment/create', { form, authorization: MARY });
    const id = (deployed.body as { id: string }).id;
    expect((await f.request('GET', '/deployment', { authorization: MARY })).body).toMatchObject([
      { id },
    ]);
    expect((await f.request('DELETE', `/deployment/${id}`, { authorization: MARY })).status).toBe(
      204,
    );
    expect(
      (
        await f.request(
          'GET',
          `/authorization/count?resourceType=${String(DEPLOYMENT)}&resourceId=${id}`,
        )
      ).body,
    ).toEqual({ count: 0 });
  });

  it('lets the assignee of a task read it and work on it', async () => {
    const f = await setUp();
    const taskId = await firstTask(f);
    expect((await f.request('GET', '/task/count', { authorization: MARY })).body).toEqual({
      count: 0,
    });
    await f.request('POST', `/task/${taskId}/assignee`, { json: { userId: 'mary' } });
    expect((await f.request('GET', '/task', { authorization: MARY })).body).toMatchObject([
      { id: taskId, assignee: 'mary' },
    ]);
    const completed = await f.request('POST', `/task/${taskId}/complete`, {
      json: {},
      authorization: MARY,
    });
    expect(completed.status, completed.text).toBe(204);
    expect((await f.request('GET', '/authorization/count?userIdIn=mary')).body).toEqual({
      count: 0,
    });
  });
  it("gives a task's model assignee and candidates READ and UPDATE on it, until it ends", async () => {
    const f = await setUp();
    await f.deploy(
      'assigned.bpmn',
      `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="assigned" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <userTask id="review" camunda:assignee="mary" camunda:candidateUsers="mary,john"
      camunda:candidateGroups="reviewers" />
    <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`,
    );
    const instanceId = await f.start('assigned');
    const [task] = (await f.request('GET', `/task?processInstanceId=${instanceId}`))
      .body as TaskDto[];
    const taskId = task?.id ?? '';
    const ofTask = `/authorization?resourceType=${String(TASK)}&resourceId=${taskId}`;
    // One grant per user or group: mary's assignee and candidate grants are the same one.
    expect((await f.request('GET', ofTask)).body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: 'mary', groupId: null, permissions: ['READ', 'UPDATE'] }),
        expect.objectContaining({ userId: 'john', groupId: null, permissions: ['READ', 'UPDATE'] }),
        expect.objectContaining({
          userId: null,
          groupId: 'reviewers',
          permissions: ['READ', 'UPDATE'],
        }),
      ]),
    );
    expect(((await f.request('GET', ofTask)).body as unknown[]).length).toBe(3);
    expect((await f.request('GET', '/task', { authorization: MARY })).body).toMatchObject([
      { id: taskId, assignee: 'mary' },
    ]);
    const completed = await f.request('POST', `/task/${taskId}/complete`, {
      json: {},
      authorization: MARY,
    });
    expect(completed.status, completed.text).toBe(204);
    expect((await f.request('GET', ofTask.replace('?', '/count?'))).body).toEqual({
      count: 0,
    });
  });

  it("drops an instance's and its tasks' authorizations when a modification ends it", async () => {
    const f = await setUp();
    const taskId = await firstTask(f);
    await f.grant(PROCESS_INSTANCE, f.instanceId, ['READ']);
    await f.request('POST', `/task/${taskId}/assignee`, { json: { userId: 'mary' } });
    expect((await f.request('GET', '/authorization/count?userIdIn=mary')).body).toEqual({
      count: 2,
    });
    const modified = await f.request('POST', `/process-instance/${f.instanceId}/modification`, {
      json: { instructions: [{ type: 'cancel', activityId: 'task1' }] },
    });
    expect(modified.status, modified.text).toBe(204);
    expect((await f.request('GET', '/authorization/count?userIdIn=mary')).body).toEqual({
      count: 0,
    });
  });
});

describe('OPTIONS /authorization', () => {
  it('offers create, update and delete only to who may', async () => {
    const f = await setUp();
    const rels = async (path: string, authorization?: string) =>
      (
        (await f.request('OPTIONS', path, { authorization })).body as { links: { rel: string }[] }
      ).links.map((link) => link.rel);
    expect(await rels('/authorization')).toEqual(['list', 'count', 'create']);
    expect(await rels('/authorization', JOHN)).toEqual(['list', 'count']);
    const id = await f.grant(BATCH, '*', ['READ']);
    expect(await rels(`/authorization/${id}`)).toEqual(['self', 'delete', 'update']);
    expect(await rels(`/authorization/${id}`, JOHN)).toEqual(['self']);
  });
});
