/**
 * Authorization of every command the REST API exposes: john (read-only grants) is refused with
 * the permissions Camunda's AuthorizationCommandChecker asks for, and mary, with exactly one of
 * them granted, is let through.
 */
import { describe, expect, it } from 'vitest';
import type { Fixture, Missing } from './testing/authorization-fixture';
import {
  BATCH,
  DEPLOYMENT,
  JOHN,
  MARY,
  MOVE_TO_TASK2,
  PROCESS_DEFINITION,
  PROCESS_INSTANCE,
  asyncJob,
  catchingProcess,
  createBatch,
  createdBatch,
  expectRefusal,
  firstTask,
  setUp,
  taskOf,
  updateInstance,
} from './testing/authorization-fixture';
import { twoTaskProcess } from './testing/test-app';

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

  it('a modification that leaves the instance empty also needs DELETE, as ModifyProcessInstanceCmd asks', async () => {
    const f = await setUp();
    await f.grant(PROCESS_INSTANCE, f.instanceId, ['READ', 'UPDATE']);
    const cancelAll = { instructions: [{ type: 'cancel', activityId: 'task1' }] };
    const deleteInstance: Missing = [
      ['DELETE', 'ProcessInstance', f.instanceId],
      ['DELETE_INSTANCE', 'ProcessDefinition', f.definitionKey],
    ];

    expectRefusal(
      await f.request('POST', `/process-instance/${f.instanceId}/modification`, {
        authorization: MARY,
        json: cancelAll,
      }),
      'mary',
      deleteInstance,
    );
    expectRefusal(
      await f.request('POST', '/modification/execute', {
        authorization: MARY,
        json: {
          processDefinitionId: f.definitionId,
          processInstanceIds: [f.instanceId],
          instructions: [{ type: 'cancel', activityId: 'task1' }],
        },
      }),
      'mary',
      deleteInstance,
    );
    // The refusal came after the instructions ran; the command rolled them back.
    expect((await f.request('GET', `/process-instance/${f.instanceId}`)).status).toBe(200);

    const moved = await f.request('POST', `/process-instance/${f.instanceId}/modification`, {
      authorization: MARY,
      json: { instructions: MOVE_TO_TASK2 },
    });
    expect(moved.status, moved.text).toBe(204);

    await f.grant(PROCESS_INSTANCE, f.instanceId, ['DELETE']);
    const cancelled = await f.request('POST', `/process-instance/${f.instanceId}/modification`, {
      authorization: MARY,
      json: { instructions: [{ type: 'cancel', activityId: 'task2' }] },
    });
    expect(cancelled.status, cancelled.text).toBe(204);
    expect((await f.request('GET', `/process-instance/${f.instanceId}`)).status).toBe(404);
  });

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
