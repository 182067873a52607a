import { describe, expect, it } from 'vitest';
import { AuthorizationException } from '../engine/errors';
import type {
  AuthorizationExceptionDto,
  BatchDto,
  ProcessDefinitionDto,
  UserOperationLogEntryDto,
} from '../src/api/camunda-dto';
import { Authorizer, authorizationMessage } from './authorization';
import type { TestApp } from './testing/test-app';
import { createTestApp, twoTaskProcess } from './testing/test-app';

const JOHN = `Basic ${btoa('john:john')}`;

const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

/** What Camunda answers a user lacking both permissions `checkCreateBatch` accepts. */
function createBatchRefusal(specific: string): AuthorizationExceptionDto {
  return {
    type: 'AuthorizationException',
    message:
      `The user with id 'john' does not have one of the following permissions: ` +
      `'${specific}' permission on resource 'Batch' or 'CREATE' permission on resource 'Batch'`,
    code: 0,
    userId: 'john',
    permissionName: null,
    resourceName: null,
    resourceId: null,
    missingAuthorizations: [
      { permissionName: specific, resourceName: 'Batch', resourceId: null },
      { permissionName: 'CREATE', resourceName: 'Batch', resourceId: null },
    ] as unknown as AuthorizationExceptionDto['missingAuthorizations'],
  };
}

function batchRefusal(permission: string, batchId: string): AuthorizationExceptionDto {
  return {
    type: 'AuthorizationException',
    message: `The user with id 'john' does not have '${permission}' permission on resource '${batchId}' of type 'Batch'.`,
    code: 0,
    userId: 'john',
    permissionName: permission,
    resourceName: 'Batch',
    resourceId: batchId,
    missingAuthorizations: [
      { permissionName: permission, resourceName: 'Batch', resourceId: batchId },
    ],
  };
}

async function setUp(): Promise<TestApp & { ids: string[]; definitionId: string }> {
  const app = createTestApp();
  await app.deploy('p.bpmn', twoTaskProcess());
  const ids = [await app.start('twoTasks'), await app.start('twoTasks')];
  const definitions = (await app.request('GET', '/process-definition'))
    .body as ProcessDefinitionDto[];
  return { ...app, ids, definitionId: definitions[0]?.id ?? '' };
}

describe('authorization of batch operations', () => {
  it('lets john modify a single instance synchronously, logged under his name', async () => {
    const { request, ids } = await setUp();
    const [id = ''] = ids;
    const response = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: MOVE_TO_TASK2, annotation: 'moved by john' },
      authorization: JOHN,
    });
    expect(response.status).toBe(204);
    const log = (await request('GET', `/history/user-operation?processInstanceId=${id}`))
      .body as UserOperationLogEntryDto[];
    expect(log.map((entry) => [entry.userId, entry.operationType, entry.annotation])).toEqual([
      ['john', 'ModifyProcessInstance', 'moved by john'],
    ]);
    expect((await request('GET', '/batch', { authorization: JOHN })).status).toBe(200);
    expect((await request('GET', '/batch/statistics', { authorization: JOHN })).status).toBe(200);
  });

  it('refuses john an asynchronous modification of one instance with 403', async () => {
    const { request, ids } = await setUp();
    const response = await request('POST', `/process-instance/${ids[0] ?? ''}/modification-async`, {
      json: { instructions: MOVE_TO_TASK2 },
      authorization: JOHN,
    });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(createBatchRefusal('CREATE_BATCH_MODIFY_PROCESS_INSTANCES'));
    expect((await request('GET', '/batch/count')).body).toEqual({ count: 0 });
    expect((await request('GET', '/history/user-operation/count')).body).toEqual({ count: 0 });
  });

  it('checks that the instance exists before the permission, as Camunda does', async () => {
    const { request } = await setUp();
    const response = await request('POST', '/process-instance/nope/modification-async', {
      json: { instructions: MOVE_TO_TASK2 },
      authorization: JOHN,
    });
    expect(response.status).toBe(500);
    expect((response.body as AuthorizationExceptionDto).message).toContain('ENGINE-13036');
  });

  it('refuses john /modification/executeAsync and POST /job/retries', async () => {
    const { request, ids, definitionId } = await setUp();
    const modification = await request('POST', '/modification/executeAsync', {
      json: {
        processDefinitionId: definitionId,
        instructions: MOVE_TO_TASK2,
        processInstanceIds: ids,
      },
      authorization: JOHN,
    });
    expect(modification.status).toBe(403);
    expect(modification.body).toEqual(createBatchRefusal('CREATE_BATCH_MODIFY_PROCESS_INSTANCES'));

    const retries = await request('POST', '/job/retries', {
      json: { jobIds: ['any'], retries: 1 },
      authorization: JOHN,
    });
    expect(retries.status).toBe(403);
    expect(retries.body).toEqual(createBatchRefusal('CREATE_BATCH_SET_JOB_RETRIES'));
    expect((await request('GET', '/batch/count')).body).toEqual({ count: 0 });

    // What the REST layer checks itself still comes first.
    const noRetries = await request('POST', '/job/retries', {
      json: { jobIds: ['any'] },
      authorization: JOHN,
    });
    expect(noRetries.status).toBe(400);
  });

  it('refuses john suspending and deleting a batch and its history, but lets demo', async () => {
    const { request, ids } = await setUp();
    const created = await request('POST', `/process-instance/${ids[0] ?? ''}/modification-async`, {
      json: { instructions: MOVE_TO_TASK2 },
    });
    expect(created.status).toBe(200);
    const batchId = (created.body as BatchDto).id;

    const suspend = await request('PUT', `/batch/${batchId}/suspended`, {
      json: { suspended: true },
      authorization: JOHN,
    });
    expect(suspend.status).toBe(403);
    expect(suspend.body).toEqual(batchRefusal('UPDATE', batchId));
    const remove = await request('DELETE', `/batch/${batchId}`, { authorization: JOHN });
    expect(remove.status).toBe(403);
    expect(remove.body).toEqual(batchRefusal('DELETE', batchId));
    expect(((await request('GET', `/batch/${batchId}`)).body as BatchDto).suspended).toBe(false);

    // An unknown batch is reported as such, whoever asks.
    const unknown = await request('DELETE', '/batch/nope', { authorization: JOHN });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ message: "Unable to delete batch with id 'nope'" });

    expect(
      (await request('PUT', `/batch/${batchId}/suspended`, { json: { suspended: true } })).status,
    ).toBe(204);
    expect((await request('DELETE', `/batch/${batchId}`)).status).toBe(204);
    const history = await request('DELETE', `/history/batch/${batchId}`, { authorization: JOHN });
    expect(history.status).toBe(403);
    expect(history.body).toEqual(batchRefusal('DELETE_HISTORY', batchId));
    expect((await request('DELETE', `/history/batch/${batchId}`)).status).toBe(204);
  });

  it('still answers wrong credentials with 401', async () => {
    const { request } = await setUp();
    const response = await request('POST', '/modification/executeAsync', {
      json: {},
      authorization: `Basic ${btoa('john:demo')}`,
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });
});

describe('Authorizer', () => {
  it('accepts the operation-specific permission, plain CREATE, or ALL', () => {
    const authorizer = new Authorizer({
      specific: { Batch: ['CREATE_BATCH_SET_JOB_RETRIES'] },
      creator: { Batch: ['CREATE'] },
      admin: { Batch: ['ALL'] },
    });
    expect(() => {
      authorizer.check('specific', 'createSetJobRetriesBatch');
    }).not.toThrow();
    expect(() => {
      authorizer.check('specific', 'createModificationBatch');
    }).toThrow(AuthorizationException);
    expect(() => {
      authorizer.check('creator', 'createModificationBatch');
    }).not.toThrow();
    expect(() => {
      authorizer.check('creator', 'deleteBatch', 'b1');
    }).toThrow(
      "The user with id 'creator' does not have 'DELETE' permission on resource 'b1' of type 'Batch'.",
    );
    expect(() => {
      authorizer.check('admin', 'deleteHistoricBatch', 'b1');
    }).not.toThrow();
  });

  it('grants nothing to users it does not list', () => {
    expect(() => {
      new Authorizer({}).check('demo', 'suspendBatch', 'b1');
    }).toThrow(AuthorizationException);
  });

  it("words a single missing permission on any resource as Camunda's simple message", () => {
    expect(
      authorizationMessage('john', [
        { permissionName: 'CREATE', resourceName: 'Batch', resourceId: null },
      ]),
    ).toBe("The user with id 'john' does not have 'CREATE' permission on resource 'Batch'.");
  });
});
