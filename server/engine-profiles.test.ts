/**
 * The profiles real installations run (server flags `--no-auth`, `--history-level`,
 * `--enforce-history-time-to-live`) and what a client sees of each over REST.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryLevel } from '../engine/runtime/history-level';
import type { BatchDto, HistoricBatchDto } from '../contract/camunda/batch';
import type { ParseExceptionDto } from '../contract/camunda/common';
import type {
  HistoricVariableInstanceDto,
  HistoricVariableUpdateDto,
  UserOperationLogEntryDto,
} from '../contract/camunda/history';
import type { ProcessDefinitionDto } from '../contract/camunda/repository';
import type { TestApp, TestAppOptions } from './testing/test-app';
import { createTestApp, twoTaskProcess } from './testing/test-app';

const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

interface Exercised extends TestApp {
  instanceId: string;
  batch: BatchDto;
}

async function ok(response: Promise<{ status: number; text: string }>, status = 204) {
  const { status: actual, text } = await response;
  expect(actual, text).toBe(status);
}

/**
 * What an operator's session leaves behind: an instance started with a variable, the variable
 * changed, another set and removed, the instance modified with an annotation (and a variable), and a
 * modification batch over a second instance.
 */
async function exercise(options: TestAppOptions, authorization?: string): Promise<Exercised> {
  const app = createTestApp(options);
  const { request, deploy, start } = app;
  await deploy('p.bpmn', twoTaskProcess());
  const instanceId = await start('twoTasks', {
    variables: { amount: { value: 42, type: 'Integer' } },
  });
  const other = await start('twoTasks');
  await ok(
    request('POST', `/process-instance/${instanceId}/variables`, {
      json: {
        modifications: {
          amount: { value: 43, type: 'Integer' },
          note: { value: 'check', type: 'String' },
        },
      },
      authorization,
    }),
  );
  await ok(request('DELETE', `/process-instance/${instanceId}/variables/note`, { authorization }));
  await ok(
    request('POST', `/process-instance/${instanceId}/modification`, {
      json: {
        instructions: [
          {
            type: 'startBeforeActivity',
            activityId: 'task2',
            variables: { reason: { value: 'stuck', type: 'String' } },
          },
          { type: 'cancel', activityId: 'task1' },
        ],
        annotation: 'moved past task 1',
      },
      authorization,
    }),
  );
  const definitionId =
    (
      (await request('GET', '/process-definition?key=twoTasks', { authorization }))
        .body as ProcessDefinitionDto[]
    )[0]?.id ?? '';
  const created = await request('POST', '/modification/executeAsync', {
    json: {
      processDefinitionId: definitionId,
      instructions: MOVE_TO_TASK2,
      processInstanceIds: [other],
    },
    authorization,
  });
  expect(created.status, created.text).toBe(200);
  return { ...app, instanceId, batch: created.body as BatchDto };
}

async function count(app: TestApp, path: string): Promise<number> {
  const response = await app.request('GET', `${path}/count`);
  expect(response.status, response.text).toBe(200);
  return (response.body as { count: number }).count;
}

/** The counts a client probes to learn the history level. */
async function historyCounts(app: TestApp): Promise<Record<string, number>> {
  return {
    processInstances: await count(app, '/history/process-instance'),
    activityInstances: await count(app, '/history/activity-instance'),
    variableInstances: await count(app, '/history/variable-instance'),
    details: await count(app, '/history/detail'),
    operationLog: await count(app, '/history/user-operation'),
    historicBatches: await count(app, '/history/batch'),
    batches: await count(app, '/batch'),
  };
}

describe('--history-level', () => {
  const cases: [HistoryLevel, Record<string, number>][] = [
    [
      'none',
      {
        processInstances: 0,
        activityInstances: 0,
        variableInstances: 0,
        details: 0,
        operationLog: 0,
        historicBatches: 0,
        batches: 1,
      },
    ],
    [
      'activity',
      {
        processInstances: 2,
        activityInstances: 5,
        variableInstances: 0,
        details: 0,
        operationLog: 0,
        historicBatches: 0,
        batches: 1,
      },
    ],
    [
      'audit',
      {
        processInstances: 2,
        activityInstances: 5,
        // amount and reason; note was removed, so it is DELETED and left out.
        variableInstances: 2,
        details: 0,
        operationLog: 0,
        historicBatches: 0,
        batches: 1,
      },
    ],
    [
      'full',
      {
        processInstances: 2,
        activityInstances: 5,
        variableInstances: 2,
        // amount created, amount updated, note created, note removed, reason created.
        details: 5,
        // the modification, and the batch's two entries (nrOfInstances, async).
        operationLog: 3,
        historicBatches: 1,
        batches: 1,
      },
    ],
  ];

  it.each(cases)('at %s records what Camunda records', async (historyLevel, expected) => {
    const app = await exercise({ historyLevel });
    expect(await historyCounts(app)).toEqual(expected);
  });

  it('is full by default', async () => {
    const app = await exercise({});
    expect(await historyCounts(app)).toEqual(cases[3]?.[1]);
  });
});

describe('historic variables and details', () => {
  it('keeps each variable with its last value, marking removed ones DELETED', async () => {
    const { request, instanceId } = await exercise({});
    const variables = (
      await request('GET', '/history/variable-instance?sortBy=variableName&sortOrder=asc')
    ).body as HistoricVariableInstanceDto[];
    expect(variables.map(({ name, value, type, state }) => ({ name, value, type, state }))).toEqual(
      [
        { name: 'amount', value: 43, type: 'Integer', state: 'CREATED' },
        { name: 'reason', value: 'stuck', type: 'String', state: 'CREATED' },
      ],
    );
    const amount = variables[0];
    expect(amount).toMatchObject({
      processInstanceId: instanceId,
      activityInstanceId: instanceId,
      executionId: instanceId,
      processDefinitionKey: 'twoTasks',
      caseInstanceId: null,
      removalTime: null,
      rootProcessInstanceId: instanceId,
    });
    const withDeleted = (
      await request('GET', '/history/variable-instance?includeDeleted=true&variableName=note')
    ).body as HistoricVariableInstanceDto[];
    expect(withDeleted.map(({ name, value, state }) => ({ name, value, state }))).toEqual([
      { name: 'note', value: 'check', state: 'DELETED' },
    ]);
    const one = await request('GET', `/history/variable-instance/${amount?.id ?? ''}`);
    expect(one.body).toEqual(amount);
    const unknown = await request('GET', '/history/variable-instance/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      type: 'InvalidRequestException',
      message: "Historic variable instance with Id 'nope' does not exist.",
      code: null,
    });
  });

  it('filters by instance, name and typed value, and pages', async () => {
    const { request, instanceId } = await exercise({});
    const names = async (path: string) =>
      ((await request('GET', path)).body as HistoricVariableInstanceDto[]).map((v) => v.name);
    expect(
      await names(`/history/variable-instance?processInstanceId=${instanceId}&variableName=amount`),
    ).toEqual(['amount']);
    expect(
      await names(`/history/variable-instance?processInstanceIdIn=${instanceId},other`),
    ).toHaveLength(2);
    expect(await names('/history/variable-instance?processInstanceIdIn=other')).toEqual([]);
    expect(
      await names(
        '/history/variable-instance?sortBy=variableName&sortOrder=asc&firstResult=1&maxResults=1',
      ),
    ).toEqual(['reason']);
    // A URL value is a String: it never matches the Integer 43. A JSON body keeps the number.
    expect(await names('/history/variable-instance?variableName=amount&variableValue=43')).toEqual(
      [],
    );
    const typed = await request('POST', '/history/variable-instance', {
      json: { variableName: 'amount', variableValue: 43 },
    });
    expect((typed.body as HistoricVariableInstanceDto[]).map((v) => v.name)).toEqual(['amount']);
    // Jackson reads 43.5 as a Double, which only Double variables match.
    const fraction = await request('POST', '/history/variable-instance', {
      json: { variableName: 'amount', variableValue: 43.5 },
    });
    expect(fraction.body).toEqual([]);
    const counted = await request('POST', '/history/variable-instance/count', {
      json: { variableName: 'reason', variableValue: 'stuck' },
    });
    expect(counted.body).toEqual({ count: 1 });
    const valueOnly = await request('GET', '/history/variable-instance?variableValue=43');
    expect(valueOnly.status).toBe(400);
    expect(valueOnly.body).toEqual({
      type: 'InvalidRequestException',
      message:
        'Only a single variable value parameter specified: variable name and value are required to be able to query after a specific variable value.',
      code: null,
    });
  });

  it('writes a detail per write, with revisions, the initial flag and the operation id', async () => {
    const { request, instanceId } = await exercise({});
    const details = (
      await request(
        'GET',
        `/history/detail?processInstanceId=${instanceId}&sortBy=occurrence&sortOrder=asc`,
      )
    ).body as HistoricVariableUpdateDto[];
    expect(
      details.map(({ type, variableName, value, variableType, revision, initial }) => ({
        type,
        variableName,
        value,
        variableType,
        revision,
        initial,
      })),
    ).toEqual([
      {
        type: 'variableUpdate',
        variableName: 'amount',
        value: 42,
        variableType: 'Integer',
        revision: 0,
        initial: true,
      },
      {
        type: 'variableUpdate',
        variableName: 'amount',
        value: 43,
        variableType: 'Integer',
        revision: 1,
        initial: false,
      },
      {
        type: 'variableUpdate',
        variableName: 'note',
        value: 'check',
        variableType: 'String',
        revision: 0,
        initial: false,
      },
      {
        type: 'variableUpdate',
        variableName: 'note',
        value: 'check',
        variableType: 'String',
        revision: 0,
        initial: false,
      },
      {
        type: 'variableUpdate',
        variableName: 'reason',
        value: 'stuck',
        variableType: 'String',
        revision: 0,
        initial: false,
      },
    ]);
    const [modification] = (
      await request('GET', `/history/user-operation?processInstanceId=${instanceId}`)
    ).body as UserOperationLogEntryDto[];
    const reason = details[4];
    expect(reason?.userOperationId).toBe(modification?.operationId);
    expect(details[0]?.userOperationId).toBeNull();
    expect(
      (
        await request(
          'GET',
          '/history/detail/count?variableInstanceId=' + (reason?.variableInstanceId ?? ''),
        )
      ).body,
    ).toEqual({ count: 1 });
    const posted = await request('POST', '/history/detail?maxResults=2', {
      json: { processInstanceId: instanceId, sorting: [{ sortBy: 'time', sortOrder: 'desc' }] },
    });
    expect((posted.body as HistoricVariableUpdateDto[]).map((d) => d.variableName)).toEqual([
      'reason',
      'note',
    ]);
    expect((await request('GET', '/history/detail?formFields=true')).body).toEqual([]);
    const missing = await request('GET', '/history/detail/nope');
    expect(missing.status).toBe(404);
    expect((missing.body as { message: string }).message).toBe(
      "Historic detail with Id 'nope' does not exist.",
    );
  });
});

describe('deleting a deployment with cascade', () => {
  it('removes the variable history of its instances too', async () => {
    const app = await exercise({});
    const [deployment] = (await app.request('GET', '/deployment')).body as { id: string }[];
    await ok(app.request('DELETE', `/deployment/${deployment?.id ?? ''}?cascade=true`));
    expect(await count(app, '/history/variable-instance')).toBe(0);
    expect(await count(app, '/history/detail')).toBe(0);
  });
});

describe('--no-auth', () => {
  const WRONG_PASSWORD = `Basic ${btoa('demo:wrong')}`;

  it('serves requests with wrong credentials and records no user', async () => {
    const app = await exercise({ authentication: false }, WRONG_PASSWORD);
    const { request, batch } = app;
    // UserOperationLogManager.isUserOperationLogEnabled: no authenticated user, no entry.
    expect(await count(app, '/history/user-operation')).toBe(0);
    expect(batch.createUserId).toBeNull();
    const historic = (await request('GET', `/history/batch/${batch.id}`)).body as HistoricBatchDto;
    expect(historic.createUserId).toBeNull();
    const details = (await request('GET', '/history/detail')).body as HistoricVariableUpdateDto[];
    expect(details.every((detail) => detail.userOperationId === null)).toBe(true);
    const annotate = await request('PUT', '/history/user-operation/any/set-annotation', {
      json: { annotation: 'nothing to annotate' },
    });
    expect(annotate.status).toBe(400);
  });

  it('with authentication on, the same session is logged under the user', async () => {
    const app = await exercise({});
    expect(await count(app, '/history/user-operation')).toBe(3);
    expect(app.batch.createUserId).toBe('demo');
  });
});

describe('deployment', () => {
  const withoutTimeToLive = twoTaskProcess().replace(' camunda:historyTimeToLive="P1D"', '');

  it('accepts a process without historyTimeToLive by default', async () => {
    const { deploy } = createTestApp();
    const deployment = await deploy('p.bpmn', withoutTimeToLive);
    expect(Object.values(deployment.deployedProcessDefinitions as object)).toHaveLength(1);
  });

  it('with --enforce-history-time-to-live refuses it with ParseException details', async () => {
    const { request } = createTestApp({ enforceHistoryTimeToLive: true });
    const form = new FormData();
    form.append('p.bpmn', new Blob([withoutTimeToLive], { type: 'text/xml' }), 'p.bpmn');
    const response = await request('POST', '/deployment/create', { form });
    expect(response.status).toBe(400);
    const body = response.body as ParseExceptionDto;
    expect(body.type).toBe('ParseException');
    expect(body.message).toMatch(
      /^ENGINE-09005 Could not parse BPMN process\. Errors: \n\* ENGINE-12018 History Time To Live \(TTL\) cannot be null\. TTL is necessary for the History Cleanup to work\./,
    );
    expect(body.message).toContain('| resource p.bpmn | line 4 | column 63');
    expect(body.details).toEqual({
      'p.bpmn': {
        errors: [
          {
            message: expect.stringContaining('* Set historyTimeToLive in the model') as unknown,
            line: 4,
            column: 63,
            mainElementId: 'twoTasks',
            '\u0435lementIds': ['twoTasks'],
          },
        ],
        warnings: [],
      },
    });
    expect((await request('GET', '/process-definition/count')).body).toEqual({ count: 0 });
  });

  it('with --enforce-history-time-to-live accepts a process that has one', async () => {
    const { deploy } = createTestApp({ enforceHistoryTimeToLive: true });
    const deployment = await deploy('p.bpmn', twoTaskProcess());
    expect(Object.values(deployment.deployedProcessDefinitions as object)).toHaveLength(1);
  });

  it('parses only resources named *.bpmn or *.bpmn20.xml', async () => {
    const { deploy, request } = createTestApp({ enforceHistoryTimeToLive: true });
    for (const name of ['p.xml', 'p.bpmn.xml', 'notes.txt']) {
      // Not parsed, so neither the missing time to live nor anything else is checked.
      const deployment = await deploy(name, name === 'notes.txt' ? '<not xml' : withoutTimeToLive);
      expect(deployment.deployedProcessDefinitions).toBeNull();
    }
    expect((await request('GET', '/process-definition/count')).body).toEqual({ count: 0 });
    const parsed = await deploy('p.bpmn20.xml', twoTaskProcess());
    expect(Object.values(parsed.deployedProcessDefinitions as object)).toHaveLength(1);
  });
});

describe('process definition XML', () => {
  it('answers an unknown id or key with 404', async () => {
    const { request } = createTestApp();
    const byId = await request('GET', '/process-definition/nope/xml');
    expect(byId.status).toBe(404);
    expect(byId.body).toEqual({
      type: 'InvalidRequestException',
      message: 'No matching definition with id nope',
      code: null,
    });
    const byKey = await request('GET', '/process-definition/key/nope/xml');
    expect(byKey.status).toBe(404);
    expect(byKey.body).toEqual({
      type: 'RestException',
      message: 'No matching process definition with key: nope and no tenant-id',
      code: null,
    });
  });
});
