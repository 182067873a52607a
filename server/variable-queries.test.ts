/**
 * Variable conditions of the list queries, GET against POST: a URL carries every value as a
 * String (Camunda's REST reference: "Values are always treated as String objects on server
 * side"), a body carries typed JSON values.
 */
import { describe, expect, it } from 'vitest';
import type { ExceptionDto } from '../contract/camunda/common';
import type { TestApp } from './testing/test-app';
import { createTestApp, twoTaskProcess } from './testing/test-app';

/** `text` has the String "00042", `number` the Integer 42, `amount` the Integer 150… */
async function fixture() {
  const test = createTestApp();
  await test.deploy('p.bpmn', twoTaskProcess());
  const start = (variables: Record<string, { value: unknown; type: string }>) =>
    test.start('twoTasks', { variables });
  const text = await start({
    code: { value: '00042', type: 'String' },
    amount: { value: '150', type: 'String' },
    due: { value: '2024-02-01T00:00:00.000+0000', type: 'String' },
    answer: { value: 'true', type: 'String' },
    pair: { value: '[1, 2]', type: 'String' },
  });
  const number = await start({
    code: { value: 42, type: 'Integer' },
    amount: { value: 150, type: 'Integer' },
    due: { value: '2024-02-01T00:00:00.000+0000', type: 'Date' },
  });
  const long = await start({
    code: { value: 42, type: 'Long' },
    amount: { value: 99.5, type: 'Double' },
    flag: { value: true, type: 'Boolean' },
    empty: { value: null, type: 'Null' },
  });
  return { ...test, text, number, long };
}

type Ids = (query: string) => Promise<string[]>;

function lists(test: TestApp): { get: Ids; post: (variables: unknown[]) => Promise<string[]> } {
  const ids = (body: unknown) => (body as { id: string }[]).map((pi) => pi.id).sort();
  return {
    get: async (query) => {
      const response = await test.request('GET', `/process-instance?${query}`);
      expect(response.status, response.text).toBe(200);
      return ids(response.body);
    },
    post: async (variables) => {
      const response = await test.request('POST', '/process-instance', { json: { variables } });
      expect(response.status, response.text).toBe(200);
      return ids(response.body);
    },
  };
}

describe('GET /process-instance?variables=: every value a String', () => {
  it('matches String variables only', async () => {
    const test = await fixture();
    const { get } = lists(test);
    expect(await get('variables=code_eq_00042')).toEqual([test.text]);
    expect(await get('variables=code_eq_42')).toEqual([]);
    expect(await get('variables=amount_gt_100')).toEqual([test.text]);
    expect(await get('variables=amount_eq_150')).toEqual([test.text]);
    expect(await get('variables=amount_gteq_150,code_like_000%25')).toEqual([test.text]);
    expect(await get('variables=amount_lt_2')).toEqual([test.text]);
    expect(await get('variables=amount_lteq_1')).toEqual([]);
    expect(await get('variables=flag_eq_true')).toEqual([]);
    // neq negates the String condition, so every variable of another type matches.
    expect(await get('variables=code_neq_00042')).toEqual([test.number, test.long].sort());
  });

  it('reads a value in the REST date format as a Date, and null as null', async () => {
    const test = await fixture();
    const { get } = lists(test);
    const due = encodeURIComponent('2024-02-01T00:00:00.000+0000');
    const before = encodeURIComponent('2024-01-31T23:00:00.000-0200');
    expect(await get(`variables=due_eq_${due}`)).toEqual([test.number]);
    expect(await get(`variables=due_gt_${before}`)).toEqual([]);
    expect(await get('variables=empty_eq_null')).toEqual([test.long]);
    const count = await test.request('GET', '/process-instance/count?variables=code_eq_00042');
    expect(count.body).toEqual({ count: 1 });
  });
});

describe('POST /process-instance: typed JSON values', () => {
  it('compares numbers with Integer, Long and Double variables, strings with Strings', async () => {
    const test = await fixture();
    const { post } = lists(test);
    const condition = (name: string, operator: string, value: unknown) => ({
      name,
      operator,
      value,
    });
    expect(await post([condition('code', 'eq', 42)])).toEqual([test.number, test.long].sort());
    expect(await post([condition('code', 'eq', '00042')])).toEqual([test.text]);
    expect(await post([condition('code', 'eq', '42')])).toEqual([]);
    expect(await post([condition('amount', 'gt', 100)])).toEqual([test.number]);
    expect(await post([condition('amount', 'lt', 100)])).toEqual([test.long]);
    expect(await post([condition('amount', 'lteq', 99.5)])).toEqual([test.long]);
    expect(await post([condition('amount', 'gteq', 150)])).toEqual([test.number]);
    expect(await post([condition('amount', 'neq', 150)])).toEqual([test.text, test.long].sort());
    expect(await post([condition('flag', 'eq', true)])).toEqual([test.long]);
    expect(await post([condition('empty', 'eq', null)])).toEqual([test.long]);
    expect(await post([condition('due', 'lt', '2024-02-01T00:00:00.001+0000')])).toEqual([
      test.number,
    ]);
    // like compares text: a number is never a pattern any String variable matches.
    expect(await post([condition('amount', 'like', 150)])).toEqual([]);
    expect(await post([condition('amount', 'like', '1_0')])).toEqual([test.text]);
    // …and a boolean or a list is its Java text.
    expect(await post([condition('answer', 'like', true)])).toEqual([test.text]);
    expect(await post([condition('answer', 'eq', true)])).toEqual([]);
    expect(await post([condition('pair', 'like', [1, 2])])).toEqual([test.text]);

    const counted = await test.request('POST', '/process-instance/count', {
      json: { variables: [condition('code', 'eq', 42)] },
    });
    expect(counted.body).toEqual({ count: 2 });
  });

  it('refuses null and booleans with ordering operators as the engine does', async () => {
    const { request } = createTestApp();
    const gt = await request('POST', '/process-instance', {
      json: { variables: [{ name: 'flag', operator: 'gt', value: true }] },
    });
    expect(gt.status).toBe(400);
    expect(gt.body).toEqual({
      type: 'NotValidException',
      message: "Booleans and null cannot be used in 'greater than' condition",
      code: 0,
    });
    const lteq = await request('GET', '/process-instance?variables=x_lteq_null');
    expect((lteq.body as ExceptionDto).message).toBe(
      "Booleans and null cannot be used in 'less than or equal' condition",
    );
    const object = await request('POST', '/process-instance/count', {
      json: { variables: [{ name: 'x', operator: 'eq', value: [1] }] },
    });
    expect(object.status).toBe(500);
    expect((object.body as ExceptionDto).message).toBe('Object values cannot be used to query');
  });
});

describe('the other queries with variable conditions', () => {
  it('GET and POST /history/process-instance read values the same way', async () => {
    const test = await fixture();
    const get = await test.request('GET', '/history/process-instance?variables=code_eq_42');
    expect(get.body).toEqual([]);
    const post = await test.request('POST', '/history/process-instance/count', {
      json: { variables: [{ name: 'code', operator: 'eq', value: 42 }] },
    });
    expect(post.body).toEqual({ count: 2 });
  });

  it('GET and POST /variable-instance?variableValues=', async () => {
    const test = await fixture();
    const names = (body: unknown) =>
      (body as { processInstanceId: string; type: string }[]).map((v) => v.type).sort();
    const get = await test.request('GET', '/variable-instance?variableValues=code_eq_42');
    expect(names(get.body)).toEqual([]);
    const getText = await test.request('GET', '/variable-instance?variableValues=code_eq_00042');
    expect(names(getText.body)).toEqual(['String']);
    const post = await test.request('POST', '/variable-instance', {
      json: { variableValues: [{ name: 'code', operator: 'eq', value: 42 }] },
    });
    expect(names(post.body)).toEqual(['Integer', 'Long']);
    const ignoringCase = await test.request(
      'GET',
      '/variable-instance?variableValues=CODE_eq_00042&variableNamesIgnoreCase=true',
    );
    expect(names(ignoringCase.body)).toEqual(['String']);
  });
});

describe('GET/POST /process-instance: variableNamesIgnoreCase, variableValuesIgnoreCase', () => {
  it('compares names and String values without case only when asked, in lists and counts', async () => {
    const test = createTestApp();
    await test.deploy('p.bpmn', twoTaskProcess());
    const open = await test.start('twoTasks', {
      variables: {
        Status: { value: 'Open', type: 'String' },
        Count: { value: 7, type: 'Integer' },
      },
    });
    await test.start('twoTasks', { variables: { Status: { value: 'closed', type: 'String' } } });
    const { get } = lists(test);
    const count = async (body: unknown) =>
      (await test.request('POST', '/process-instance/count', { json: body })).body;

    expect(await get('variables=status_eq_open')).toEqual([]);
    expect(await get('variables=status_eq_Open&variableNamesIgnoreCase=true')).toEqual([open]);
    expect(await get('variables=Status_eq_OPEN&variableValuesIgnoreCase=true')).toEqual([open]);
    expect(
      await get(
        'variables=STATUS_like_op%25&variableNamesIgnoreCase=true&variableValuesIgnoreCase=true',
      ),
    ).toEqual([open]);
    const condition = [{ name: 'STATUS', operator: 'eq', value: 'OPEN' }];
    expect(await count({ variables: condition })).toEqual({ count: 0 });
    expect(
      await count({
        variables: condition,
        variableNamesIgnoreCase: true,
        variableValuesIgnoreCase: true,
      }),
    ).toEqual({ count: 1 });
    expect(
      (
        await test.request(
          'GET',
          '/process-instance/count?variables=count_eq_7&variableNamesIgnoreCase=true',
        )
      ).body,
    ).toEqual({ count: 0 });
    expect(
      await count({
        variables: [{ name: 'count', operator: 'eq', value: 7 }],
        variableNamesIgnoreCase: true,
      }),
    ).toEqual({ count: 1 });
  });
});
