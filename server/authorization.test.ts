/**
 * Authorization of every command the REST API exposes: john (read-only grants) is refused with
 * the permissions Camunda's AuthorizationCommandChecker asks for, and mary, with exactly one of
 * them granted, is let through.
 */
import { describe, expect, it } from 'vitest';
import type { BatchDto } from '../contract/camunda/batch';
import type { AuthorizationExceptionDto } from '../contract/camunda/common';
import type { JobDto } from '../contract/camunda/job';
import type { TaskDto } from '../contract/camunda/task';
import { ProcessEngine } from '../engine/process-engine';
import { createApp } from './app';
import { DEFAULT_IDENTITIES } from './identities';
import type { TestApp } from './testing/test-app';
import { BASE, asyncServiceProcess, createTestApp, twoTaskProcess } from './testing/test-app';

const JOHN = `Basic ${btoa('john:john')}`;
const MARY = `Basic ${btoa('mary:mary')}`;

const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

const PROCESS_DEFINITION = 6;
const PROCESS_INSTANCE = 8;
const DEPLOYMENT = 9;
const TASK = 7;
const BATCH = 13;

function catchingProcess(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <message id="m" name="go" />
  <signal id="s" name="wake" />
  <process id="catching" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <parallelGateway id="fork" />
    <sequenceFlow id="f2" sourceRef="fork" targetRef="waitMessage" />
    <sequenceFlow id="f3" sourceRef="fork" targetRef="waitSignal" />
    <intermediateCatchEvent id="waitMessage"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
    <intermediateCatchEvent id="waitSignal"><signalEventDefinition signalRef="s" /></intermediateCatchEvent>
    <sequenceFlow id="f4" sourceRef="waitMessage" targetRef="end1" />
    <sequenceFlow id="f5" sourceRef="waitSignal" targetRef="end2" />
    <endEvent id="end1" />
    <endEvent id="end2" />
  </process>
</definitions>`;
}

interface Fixture extends TestApp {
  definitionKey: string;
  definitionId: string;
  deploymentId: string;
  instanceId: string;
  otherInstanceId: string;
  /** Grants mary (type 1) or revokes (type 2) `permissions` on a resource, as demo. */
  grant: (
    resourceType: number,
    resourceId: string,
    permissions: string[],
    owner?: { userId?: string; groupId?: string; type?: number },
  ) => Promise<string>;
}

async function setUp(): Promise<Fixture> {
  const app = createTestApp({
    identities: {
      ...DEFAULT_IDENTITIES,
      users: [...DEFAULT_IDENTITIES.users, { id: 'mary', password: 'mary' }],
    },
  });
  const deployment = await app.deploy('p.bpmn', twoTaskProcess());
  const instanceId = await app.start('twoTasks');
  const otherInstanceId = await app.start('twoTasks');
  const definitionId = Object.keys(
    deployment.deployedProcessDefinitions as Record<string, unknown>,
  )[0];
  const grant: Fixture['grant'] = async (resourceType, resourceId, permissions, owner = {}) => {
    const response = await app.request('POST', '/authorization/create', {
      json: {
        type: owner.type ?? 1,
        userId: owner.groupId ? null : (owner.userId ?? 'mary'),
        groupId: owner.groupId ?? null,
        resourceType,
        resourceId,
        permissions,
      },
    });
    expect(response.status, response.text).toBe(200);
    return (response.body as { id: string }).id;
  };
  return {
    ...app,
    definitionKey: 'twoTasks',
    definitionId: definitionId ?? '',
    deploymentId: deployment.id as string,
    instanceId,
    otherInstanceId,
    grant,
  };
}

type Missing = [permissionName: string, resourceName: string, resourceId: string | null][];

function expectRefusal(
  response: { status: number; body: unknown; text: string },
  userId: string,
  missing: Missing,
): void {
  expect(response.status, response.text).toBe(403);
  const body = response.body as AuthorizationExceptionDto;
  expect(body.type).toBe('AuthorizationException');
  expect(body.userId).toBe(userId);
  expect(
    body.missingAuthorizations.map((m) => [m.permissionName, m.resourceName, m.resourceId]),
  ).toEqual(missing);
  const describe = ([permission, resource, id]: Missing[number]) =>
    `'${permission}' permission on resource '${id === null ? '' : `${id}' of type '`}${resource}'`;
  expect(body.message).toBe(
    missing.length === 1
      ? `The user with id '${userId}' does not have ${describe(missing[0] ?? ['', '', null])}.`
      : `The user with id '${userId}' does not have one of the following permissions: ${missing.map(describe).join(' or ')}`,
  );
}

interface CommandCase {
  name: string;
  /** Sends the command as `authorization`. */
  send: (
    f: Fixture,
    authorization: string,
  ) => Promise<{ status: number; body: unknown; text: string }>;
  missing: (f: Fixture) => Missing;
  /** What mary is granted before she succeeds. */
  grants: (f: Fixture) => Promise<void>;
  allowed: number;
}

const updateInstance = (f: Fixture): Missing => [
  ['UPDATE', 'ProcessInstance', f.instanceId],
  ['UPDATE_INSTANCE', 'ProcessDefinition', f.definitionKey],
];

const createBatch = (specific: string): Missing => [
  [specific, 'Batch', null],
  ['CREATE', 'Batch', null],
];

async function createdBatch(f: Fixture): Promise<string> {
  const response = await f.request('POST', '/modification/executeAsync', {
    json: {
      processDefinitionId: f.definitionId,
      instructions: MOVE_TO_TASK2,
      processInstanceIds: [f.instanceId],
    },
  });
  return (response.body as BatchDto).id;
}

function taskOf(f: Fixture): string {
  return [...f.engine.tasks()].find((task) => task.processInstanceId === f.instanceId)?.id ?? '';
}

async function firstTask(f: Fixture): Promise<string> {
  const tasks = (await f.request('GET', `/task?processInstanceId=${f.instanceId}`))
    .body as TaskDto[];
  return tasks[0]?.id ?? '';
}

async function asyncJob(f: Fixture): Promise<{ jobId: string; instanceId: string }> {
  await f.deploy('a.bpmn', asyncServiceProcess());
  const instanceId = await f.start('asyncService');
  const jobs = (await f.request('GET', `/job?processInstanceId=${instanceId}`)).body as JobDto[];
  return { jobId: jobs[0]?.id ?? '', instanceId };
}

const COMMANDS: CommandCase[] = [
  {
    name: 'POST /process-instance/{id}/modification',
    send: (f, authorization) =>
      f.request('POST', `/process-instance/${f.instanceId}/modification`, {
        json: { instructions: MOVE_TO_TASK2 },
        authorization,
      }),
    missing: updateInstance,
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, f.instanceId, ['UPDATE']);
    },
    allowed: 204,
  },
  {
    name: 'POST /modification/execute by query, every instance checked',
    send: (f, authorization) =>
      f.request('POST', '/modification/execute', {
        json: {
          processDefinitionId: f.definitionId,
          instructions: MOVE_TO_TASK2,
          processInstanceQuery: { processDefinitionId: f.definitionId },
        },
        authorization,
      }),
    missing: updateInstance,
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['READ_INSTANCE', 'UPDATE_INSTANCE']);
    },
    allowed: 204,
  },
  {
    name: 'POST /modification/executeAsync',
    send: (f, authorization) =>
      f.request('POST', '/modification/executeAsync', {
        json: {
          processDefinitionId: f.definitionId,
          instructions: MOVE_TO_TASK2,
          processInstanceIds: [f.instanceId],
        },
        authorization,
      }),
    missing: () => createBatch('CREATE_BATCH_MODIFY_PROCESS_INSTANCES'),
    grants: async (f) => {
      await f.grant(BATCH, '*', ['CREATE_BATCH_MODIFY_PROCESS_INSTANCES']);
    },
    allowed: 200,
  },
  {
    name: 'POST /process-instance/{id}/modification-async',
    send: (f, authorization) =>
      f.request('POST', `/process-instance/${f.instanceId}/modification-async`, {
        json: { instructions: MOVE_TO_TASK2 },
        authorization,
      }),
    missing: () => createBatch('CREATE_BATCH_MODIFY_PROCESS_INSTANCES'),
    grants: async (f) => {
      await f.grant(BATCH, '*', ['CREATE']);
    },
    allowed: 200,
  },
  {
    name: 'POST /deployment/create',
    send: (f, authorization) => {
      const form = new FormData();
      form.append('p.bpmn', new Blob([twoTaskProcess('another')]), 'p.bpmn');
      return f.request('POST', '/deployment/create', { form, authorization });
    },
    missing: () => [['CREATE', 'Deployment', null]],
    grants: async (f) => {
      await f.grant(DEPLOYMENT, '*', ['CREATE']);
    },
    allowed: 200,
  },
  {
    name: 'DELETE /deployment/{id} (cascade)',
    send: (f, authorization) =>
      f.request('DELETE', `/deployment/${f.deploymentId}?cascade=true`, { authorization }),
    missing: (f) => [['DELETE', 'Deployment', f.deploymentId]],
    grants: async (f) => {
      await f.grant(DEPLOYMENT, f.deploymentId, ['READ', 'DELETE']);
    },
    allowed: 204,
  },
  {
    name: 'POST /process-definition/key/{key}/start',
    send: (f, authorization) =>
      f.request('POST', `/process-definition/key/${f.definitionKey}/start`, {
        json: {},
        authorization,
      }),
    missing: () => [['CREATE', 'ProcessInstance', null]],
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, '*', ['CREATE']);
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['READ', 'CREATE_INSTANCE']);
    },
    allowed: 200,
  },
  {
    name: 'POST /process-definition/{id}/start needs CREATE_INSTANCE too',
    send: async (f, authorization) => {
      if (authorization === JOHN) {
        await f.grant(PROCESS_INSTANCE, '*', ['CREATE'], { userId: 'john' });
      }
      return f.request('POST', `/process-definition/${f.definitionId}/start`, {
        json: {},
        authorization,
      });
    },
    missing: (f) => [['CREATE_INSTANCE', 'ProcessDefinition', f.definitionKey]],
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, '*', ['CREATE']);
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['CREATE_INSTANCE']);
    },
    allowed: 200,
  },
  {
    name: 'DELETE /process-instance/{id}',
    send: (f, authorization) =>
      f.request('DELETE', `/process-instance/${f.instanceId}`, { authorization }),
    missing: (f) => [
      ['DELETE', 'ProcessInstance', f.instanceId],
      ['DELETE_INSTANCE', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['DELETE_INSTANCE']);
    },
    allowed: 204,
  },
  {
    name: 'PUT /process-instance/{id}/suspended',
    send: (f, authorization) =>
      f.request('PUT', `/process-instance/${f.instanceId}/suspended`, {
        json: { suspended: true },
        authorization,
      }),
    missing: (f) => [
      ['SUSPEND', 'ProcessInstance', f.instanceId],
      ['SUSPEND_INSTANCE', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'ProcessInstance', f.instanceId],
      ['UPDATE_INSTANCE', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, f.instanceId, ['SUSPEND']);
    },
    allowed: 204,
  },
  {
    name: 'POST /process-instance/{id}/variables',
    send: (f, authorization) =>
      f.request('POST', `/process-instance/${f.instanceId}/variables`, {
        json: { modifications: { x: { value: 1, type: 'Integer' } } },
        authorization,
      }),
    missing: (f) => [
      ['UPDATE_VARIABLE', 'ProcessInstance', f.instanceId],
      ['UPDATE_INSTANCE_VARIABLE', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'ProcessInstance', f.instanceId],
      ['UPDATE_INSTANCE', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['UPDATE_INSTANCE_VARIABLE']);
    },
    allowed: 204,
  },
  {
    name: 'PUT /process-instance/{id}/variables/{name}',
    send: (f, authorization) =>
      f.request('PUT', `/process-instance/${f.instanceId}/variables/x`, {
        json: { value: 'a', type: 'String' },
        authorization,
      }),
    missing: (f) => [
      ['UPDATE_VARIABLE', 'ProcessInstance', f.instanceId],
      ['UPDATE_INSTANCE_VARIABLE', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'ProcessInstance', f.instanceId],
      ['UPDATE_INSTANCE', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, f.instanceId, ['UPDATE_VARIABLE']);
    },
    allowed: 204,
  },
  {
    name: 'POST /task/{id}/complete',
    send: async (f, authorization) =>
      f.request('POST', `/task/${await firstTask(f)}/complete`, { json: {}, authorization }),
    missing: (f) => [
      ['TASK_WORK', 'Task', taskOf(f)],
      ['TASK_WORK', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'Task', taskOf(f)],
      ['UPDATE_TASK', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['TASK_WORK']);
    },
    allowed: 204,
  },
  {
    name: 'POST /task/{id}/assignee (claim)',
    send: async (f, authorization) =>
      f.request('POST', `/task/${await firstTask(f)}/assignee`, {
        json: { userId: 'mary' },
        authorization,
      }),
    missing: (f) => [
      ['TASK_ASSIGN', 'Task', taskOf(f)],
      ['TASK_ASSIGN', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'Task', taskOf(f)],
      ['UPDATE_TASK', 'ProcessDefinition', f.definitionKey],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['TASK_ASSIGN']);
    },
    allowed: 204,
  },
  {
    name: 'POST /message',
    send: async (f, authorization) => {
      if (!f.engine.latestDefinition('catching')) {
        await f.deploy('c.bpmn', catchingProcess());
        await f.start('catching');
      }
      return f.request('POST', '/message', { json: { messageName: 'go' }, authorization });
    },
    missing: (f) => [
      ['UPDATE', 'ProcessInstance', [...f.engine.instances()].at(-1)?.id ?? ''],
      ['UPDATE_INSTANCE', 'ProcessDefinition', 'catching'],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, 'catching', ['UPDATE_INSTANCE']);
    },
    allowed: 204,
  },
  {
    name: 'POST /signal',
    send: async (f, authorization) => {
      if (!f.engine.latestDefinition('catching')) {
        await f.deploy('c.bpmn', catchingProcess());
        await f.start('catching');
      }
      return f.request('POST', '/signal', { json: { name: 'wake' }, authorization });
    },
    missing: (f) => [
      ['UPDATE', 'ProcessInstance', [...f.engine.instances()].at(-1)?.id ?? ''],
      ['UPDATE_INSTANCE', 'ProcessDefinition', 'catching'],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_INSTANCE, '*', ['UPDATE']);
    },
    allowed: 204,
  },
  {
    name: 'PUT /history/user-operation/{id}/set-annotation',
    send: async (f, authorization) => {
      const [entry] = [...f.engine.userOperationLog()];
      return f.request(
        'PUT',
        `/history/user-operation/${entry?.operationId ?? ''}/set-annotation`,
        {
          json: { annotation: 'why' },
          authorization,
        },
      );
    },
    missing: (f) => [
      ['UPDATE_HISTORY', 'ProcessDefinition', f.definitionKey],
      ['UPDATE', 'OperationLogCatgeory', 'Operator'],
    ],
    grants: async (f) => {
      await f.grant(PROCESS_DEFINITION, f.definitionKey, ['UPDATE_HISTORY']);
    },
    allowed: 204,
  },
  {
    name: 'POST /job/retries',
    send: async (f, authorization) => {
      const { jobId } = await asyncJob(f);
      return f.request('POST', '/job/retries', {
        json: { jobIds: [jobId], retries: 2 },
        authorization,
      });
    },
    missing: () => createBatch('CREATE_BATCH_SET_JOB_RETRIES'),
    grants: async (f) => {
      await f.grant(BATCH, '*', ['CREATE_BATCH_SET_JOB_RETRIES']);
    },
    allowed: 200,
  },
];

describe('authorization of each command', () => {
  for (const command of COMMANDS) {
    it(`${command.name}: john is refused, mary with exactly the grant is let through`, async () => {
      const refused = await setUp();
      // An entry of demo's in the user operation log, for the annotation case.
      await refused.request('POST', `/process-instance/${refused.otherInstanceId}/modification`, {
        json: { instructions: MOVE_TO_TASK2 },
      });
      expectRefusal(await command.send(refused, JOHN), 'john', command.missing(refused));

      const allowed = await setUp();
      await allowed.request('POST', `/process-instance/${allowed.otherInstanceId}/modification`, {
        json: { instructions: MOVE_TO_TASK2 },
      });
      await command.grants(allowed);
      const response = await command.send(allowed, MARY);
      expect(response.status, response.text).toBe(command.allowed);
    });
  }

  it('jobs: execution, retries and job definition retries', async () => {
    const f = await setUp();
    const { jobId, instanceId } = await asyncJob(f);
    const jobKey = 'asyncService';
    expectRefusal(
      await f.request('POST', `/job/${jobId}/execute`, { authorization: JOHN }),
      'john',
      [
        ['UPDATE', 'ProcessInstance', instanceId],
        ['UPDATE_INSTANCE', 'ProcessDefinition', jobKey],
      ],
    );
    const retryJob: Missing = [
      ['RETRY_JOB', 'ProcessInstance', instanceId],
      ['RETRY_JOB', 'ProcessDefinition', jobKey],
      ['UPDATE', 'ProcessInstance', instanceId],
      ['UPDATE_INSTANCE', 'ProcessDefinition', jobKey],
    ];
    expectRefusal(
      await f.request('PUT', `/job/${jobId}/retries`, {
        json: { retries: 1 },
        authorization: JOHN,
      }),
      'john',
      retryJob,
    );
    const jobDefinitionId = f.engine.job(jobId)?.jobDefinitionId ?? '';
    expectRefusal(
      await f.request('PUT', `/job-definition/${jobDefinitionId}/retries`, {
        json: { retries: 1 },
        authorization: JOHN,
      }),
      'john',
      [
        ['RETRY_JOB', 'ProcessInstance', '*'],
        ['RETRY_JOB', 'ProcessDefinition', jobKey],
        ['UPDATE', 'ProcessInstance', '*'],
        ['UPDATE_INSTANCE', 'ProcessDefinition', jobKey],
      ],
    );

    await f.grant(PROCESS_DEFINITION, jobKey, ['RETRY_JOB']);
    for (const [method, path] of [
      ['PUT', `/job/${jobId}/retries`],
      ['PUT', `/job-definition/${jobDefinitionId}/retries`],
    ] as const) {
      const response = await f.request(method, path, { json: { retries: 1 }, authorization: MARY });
      expect(response.status, response.text).toBe(204);
    }
    expect((await f.request('POST', `/job/${jobId}/execute`, { authorization: MARY })).status).toBe(
      403,
    );
    await f.grant(PROCESS_INSTANCE, instanceId, ['UPDATE']);
    expect((await f.request('POST', `/job/${jobId}/execute`, { authorization: MARY })).status).toBe(
      204,
    );
  });

  it('batches: suspension, deletion and deletion of the history, each on the one batch', async () => {
    const f = await setUp();
    const batchId = await createdBatch(f);
    expectRefusal(
      await f.request('PUT', `/batch/${batchId}/suspended`, {
        json: { suspended: true },
        authorization: JOHN,
      }),
      'john',
      [['UPDATE', 'Batch', batchId]],
    );
    expectRefusal(await f.request('DELETE', `/batch/${batchId}`, { authorization: JOHN }), 'john', [
      ['DELETE', 'Batch', batchId],
    ]);
    await f.grant(BATCH, batchId, ['UPDATE', 'DELETE', 'DELETE_HISTORY']);
    expect(
      (
        await f.request('PUT', `/batch/${batchId}/suspended`, {
          json: { suspended: true },
          authorization: MARY,
        })
      ).status,
    ).toBe(204);
    expect((await f.request('DELETE', `/batch/${batchId}`, { authorization: MARY })).status).toBe(
      204,
    );
    expectRefusal(
      await f.request('DELETE', `/history/batch/${batchId}`, { authorization: JOHN }),
      'john',
      [['DELETE_HISTORY', 'Batch', batchId]],
    );
    expect(
      (await f.request('DELETE', `/history/batch/${batchId}`, { authorization: MARY })).status,
    ).toBe(204);
  });

  it('a user revoke beats a group grant, a specific resource id beats *', async () => {
    const f = await setUp();
    // john's group grants READ on every instance; a revoke of john's own takes one back.
    await f.grant(PROCESS_INSTANCE, f.instanceId, ['READ'], { userId: 'john', type: 2 });
    const ids = (
      (await f.request('GET', '/process-instance', { authorization: JOHN })).body as {
        id: string;
      }[]
    ).map((instance) => instance.id);
    expect(ids).toEqual([f.otherInstanceId]);
    // A grant of mary's on '*' and a revoke on one id: the specific one decides for that id.
    await f.grant(PROCESS_INSTANCE, '*', ['READ']);
    await f.grant(PROCESS_INSTANCE, f.otherInstanceId, ['READ'], { userId: 'mary', type: 2 });
    const marys = (
      (await f.request('GET', '/process-instance', { authorization: MARY })).body as {
        id: string;
      }[]
    ).map((instance) => instance.id);
    expect(marys).toEqual([f.instanceId]);
  });
});

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
