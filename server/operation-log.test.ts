import { describe, expect, it } from 'vitest';
import type { BatchDto } from '../contract/camunda/batch';
import type { ExceptionDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { ProcessDefinitionDto } from '../contract/camunda/repository';
import type { TestApp } from './testing/test-app';
import { createTestApp, twoTaskProcess } from './testing/test-app';

const JOHN = `Basic ${btoa('john:john')}`;

const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

interface History extends TestApp {
  a: string;
  c: string;
  definitionId: string;
  batchId: string;
  asyncOperationId: string;
}

/**
 * Writes one operation of each kind: a modification by demo and one by john, an asynchronous
 * modification (two entries), batch suspension, activation, deletion and history deletion.
 */
async function writeHistory(): Promise<History> {
  const app = createTestApp();
  const { request, deploy, start } = app;
  await deploy('p.bpmn', twoTaskProcess());
  await deploy('o.bpmn', twoTaskProcess('other'));
  const a = await start('twoTasks');
  const b = await start('twoTasks');
  const c = await start('other');
  const definitionId =
    ((await request('GET', '/process-definition?key=twoTasks')).body as ProcessDefinitionDto[])[0]
      ?.id ?? '';
  const expectStatus = async (
    status: number,
    response: Promise<{ status: number; text: string }>,
  ) => {
    const { status: actual, text } = await response;
    expect(actual, text).toBe(status);
  };

  // john may modify instances and annotate their log, no more.
  await expectStatus(
    200,
    request('POST', '/authorization/create', {
      json: {
        type: 1,
        userId: 'john',
        resourceType: 6,
        resourceId: '*',
        permissions: ['UPDATE_INSTANCE', 'UPDATE_HISTORY'],
      },
    }),
  );
  await expectStatus(
    204,
    request('POST', `/process-instance/${a}/modification`, {
      json: { instructions: MOVE_TO_TASK2, annotation: 'stuck at task 1' },
    }),
  );
  await expectStatus(
    204,
    request('POST', `/process-instance/${c}/modification`, {
      json: { instructions: MOVE_TO_TASK2 },
      authorization: JOHN,
    }),
  );
  const created = await request('POST', '/modification/executeAsync', {
    json: {
      processDefinitionId: definitionId,
      instructions: MOVE_TO_TASK2,
      processInstanceIds: [b],
    },
  });
  expect(created.status).toBe(200);
  const batchId = (created.body as BatchDto).id;
  await expectStatus(
    204,
    request('PUT', `/batch/${batchId}/suspended`, { json: { suspended: true } }),
  );
  await expectStatus(
    204,
    request('PUT', `/batch/${batchId}/suspended`, { json: { suspended: false } }),
  );
  await expectStatus(204, request('DELETE', `/batch/${batchId}`));
  await expectStatus(204, request('DELETE', `/history/batch/${batchId}`));

  const asyncEntries = (await request('GET', '/history/user-operation?property=async'))
    .body as UserOperationLogEntryDto[];
  return {
    ...app,
    a,
    c,
    definitionId,
    batchId,
    asyncOperationId: asyncEntries[0]?.operationId ?? '',
  };
}

async function log(request: TestApp['request'], query = ''): Promise<UserOperationLogEntryDto[]> {
  const response = await request('GET', `/history/user-operation?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body as UserOperationLogEntryDto[];
}

const operations = (entries: UserOperationLogEntryDto[]) =>
  entries.map((entry) => entry.operationType);

describe('GET /history/user-operation', () => {
  it('holds one entry per operation and user, written by every modifying route', async () => {
    const { request } = await writeHistory();
    const entries = await log(request, 'category=Operator&sortBy=timestamp&sortOrder=asc');
    expect(entries.map((entry) => [entry.userId, entry.operationType, entry.entityType])).toEqual([
      ['demo', 'ModifyProcessInstance', 'ProcessInstance'],
      ['john', 'ModifyProcessInstance', 'ProcessInstance'],
      ['demo', 'ModifyProcessInstance', 'ProcessInstance'],
      ['demo', 'ModifyProcessInstance', 'ProcessInstance'],
      ['demo', 'SuspendBatch', 'Batch'],
      ['demo', 'ActivateBatch', 'Batch'],
      ['demo', 'Delete', 'Batch'],
      ['demo', 'DeleteHistory', 'Batch'],
    ]);
    expect(entries.every((entry) => entry.category === 'Operator')).toBe(true);
  });

  it('filters by operation, entity, instance, definition and user', async () => {
    const { request, a, c, definitionId } = await writeHistory();
    expect(await log(request, 'operationType=ModifyProcessInstance')).toHaveLength(4);
    expect(operations(await log(request, 'entityType=Batch'))).toEqual([
      'SuspendBatch',
      'ActivateBatch',
      'Delete',
      'DeleteHistory',
    ]);
    expect(await log(request, 'entityTypeIn=Batch,ProcessInstance')).toHaveLength(8);
    expect(await log(request, 'entityTypeIn=Task')).toEqual([]);
    const ofA = await log(request, `processInstanceId=${a}`);
    expect(ofA.map((entry) => [entry.annotation, entry.processDefinitionKey])).toEqual([
      ['stuck at task 1', 'twoTasks'],
    ]);
    const ofDefinition = await log(request, `processDefinitionId=${definitionId}`);
    expect(ofDefinition.map((entry) => entry.property)).toEqual([null, 'nrOfInstances', 'async']);
    const byJohn = await log(request, 'userId=john');
    expect(byJohn.map((entry) => [entry.processInstanceId, entry.processDefinitionKey])).toEqual([
      [c, 'other'],
    ]);
    expect(await log(request, 'processDefinitionKey=other')).toEqual(byJohn);
    expect(await log(request, 'userId=mary')).toEqual([]);
  });

  it('filters by category, batch, operation and property', async () => {
    const { request, batchId, asyncOperationId } = await writeHistory();
    expect(await log(request, 'category=Operator')).toHaveLength(8);
    // The authorization demo granted john (UserOperationLogManager.logAuthorizationOperation).
    const admin = await log(request, 'category=Admin');
    expect(
      admin.map((entry) => [entry.userId, entry.operationType, entry.entityType, entry.property]),
    ).toEqual(
      ['permissionBits', 'permissions', 'type', 'resource', 'resourceId', 'userId'].map(
        (property) => ['demo', 'Create', 'Authorization', property],
      ),
    );
    expect(admin.map((entry) => entry.newValue)).toEqual([
      String(1024 + 16_777_216),
      'UPDATE_INSTANCE, UPDATE_HISTORY',
      '1',
      'ProcessDefinition',
      '*',
      'john',
    ]);
    expect(new Set(admin.map((entry) => entry.operationId)).size).toBe(1);
    expect(await log(request, 'categoryIn=Admin,Operator')).toHaveLength(14);
    expect(await log(request, 'categoryIn=TaskWorker')).toEqual([]);
    expect(operations(await log(request, `batchId=${batchId}`))).toEqual([
      'SuspendBatch',
      'ActivateBatch',
      'Delete',
      'DeleteHistory',
    ]);
    const operation = await log(request, `operationId=${asyncOperationId}`);
    expect(operation.map((entry) => [entry.property, entry.newValue])).toEqual([
      ['nrOfInstances', '1'],
      ['async', 'true'],
    ]);
    expect(operation.every((entry) => entry.processInstanceId === null)).toBe(true);
    expect((await log(request, 'property=suspensionState')).map((e) => e.newValue)).toEqual([
      'suspended',
      'active',
    ]);
  });

  it('filters by timestamp, exclusively, and sorts and pages by timestamp', async () => {
    const { request } = await writeHistory();
    const ascending = await log(request, 'sortBy=timestamp&sortOrder=asc');
    const descending = await log(request, 'sortBy=timestamp&sortOrder=desc');
    expect(descending.map((entry) => entry.id)).toEqual(
      [...ascending].reverse().map((entry) => entry.id),
    );
    const second = ascending[1];
    const after = encodeURIComponent(second?.timestamp ?? '');
    expect((await log(request, `afterTimestamp=${after}`)).map((entry) => entry.id)).toEqual(
      ascending.slice(2).map((entry) => entry.id),
    );
    expect((await log(request, `beforeTimestamp=${after}`)).map((entry) => entry.id)).toEqual([
      ascending[0]?.id,
    ]);
    const paged = await log(request, 'sortBy=timestamp&sortOrder=desc&firstResult=1&maxResults=2');
    expect(paged.map((entry) => entry.id)).toEqual(descending.slice(1, 3).map((entry) => entry.id));
    expect((await request('GET', '/history/user-operation/count?entityType=Batch')).body).toEqual({
      count: 4,
    });

    const badSort = await request('GET', '/history/user-operation?sortBy=userId&sortOrder=asc');
    expect(badSort.status).toBe(400);
    const halfSort = await request('GET', '/history/user-operation?sortBy=timestamp');
    expect(halfSort.status).toBe(400);
    expect((halfSort.body as ExceptionDto).message).toBe(
      'Only a single sorting parameter specified. sortBy and sortOrder required',
    );
  });
});

describe('annotations of the operation log', () => {
  it('sets and clears the annotation of every entry of an operation, and logs both', async () => {
    const { request, asyncOperationId } = await writeHistory();
    const set = await request('PUT', `/history/user-operation/${asyncOperationId}/set-annotation`, {
      json: { annotation: 'reopened after the carrier strike' },
    });
    expect(set.status).toBe(204);
    expect(
      (await log(request, `operationId=${asyncOperationId}`)).map((entry) => entry.annotation),
    ).toEqual(['reopened after the carrier strike', 'reopened after the carrier strike']);
    const [setEntry] = await log(request, 'operationType=SetAnnotation');
    expect(setEntry).toMatchObject({
      userId: 'demo',
      entityType: 'OperationLog',
      category: 'Operator',
      property: 'operationId',
      newValue: asyncOperationId,
    });

    const clear = await request(
      'PUT',
      `/history/user-operation/${asyncOperationId}/clear-annotation`,
      { authorization: JOHN },
    );
    expect(clear.status).toBe(204);
    expect(
      (await log(request, `operationId=${asyncOperationId}`)).map((entry) => entry.annotation),
    ).toEqual([null, null]);
    const [clearEntry] = await log(request, 'operationType=ClearAnnotation');
    expect(clearEntry).toMatchObject({ userId: 'john', newValue: asyncOperationId });
    expect(await log(request, 'entityType=OperationLog')).toHaveLength(2);
  });

  it('treats a null annotation as a clear and an unknown operation as a 400', async () => {
    const { request, asyncOperationId } = await writeHistory();
    const response = await request(
      'PUT',
      `/history/user-operation/${asyncOperationId}/set-annotation`,
      { json: { annotation: null } },
    );
    expect(response.status).toBe(204);
    expect(operations(await log(request, 'entityType=OperationLog'))).toEqual(['ClearAnnotation']);
    const unknown = await request('PUT', '/history/user-operation/nope/set-annotation', {
      json: { annotation: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      type: 'BadUserRequestException',
      message: 'operation is null',
    });
  });
});
