import { describe, expect, it } from 'vitest';
import type { ExceptionDto } from '../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../contract/camunda/history';
import type { TestApp } from './testing/test-app';
import { asyncServiceProcess, createTestApp, twoTaskProcess } from './testing/test-app';

const ids = (body: unknown) => (body as HistoricProcessInstanceDto[]).map((pi) => pi.id).sort();

/** Two instances at task1 (amount 500 and 50, status Open), one at task2, one failing. */
async function fixture() {
  const test = createTestApp();
  const { request, deploy, start } = test;
  await deploy('p.bpmn', twoTaskProcess());
  await deploy('f.bpmn', asyncServiceProcess('failing', '${missingBean.call()}'));
  const variables = (amount: number) => ({
    variables: {
      amount: { value: amount, type: 'Integer' },
      status: { value: 'Open', type: 'String' },
    },
  });
  const big = await start('twoTasks', variables(500));
  const small = await start('twoTasks', variables(50));
  const moved = await start('twoTasks');
  await request('POST', `/process-instance/${moved}/modification`, {
    json: {
      instructions: [
        { type: 'startBeforeActivity', activityId: 'task2' },
        { type: 'cancel', activityId: 'task1' },
      ],
    },
  });
  const failing = await start('failing');
  const [job] = (await request('GET', `/job?processInstanceId=${failing}`)).body as {
    id: string;
  }[];
  for (let attempt = 0; attempt < 3; attempt++) {
    await request('POST', `/job/${job?.id ?? ''}/execute`);
  }
  return { ...test, big, small, moved, failing };
}

async function historicIds(request: TestApp['request'], query: string): Promise<string[]> {
  const response = await request('GET', `/history/process-instance?${query}`);
  expect(response.status, response.text).toBe(200);
  return ids(response.body);
}

async function badRequest(
  request: TestApp['request'],
  method: 'GET' | 'POST',
  path: string,
  json?: unknown,
): Promise<ExceptionDto> {
  const response = await request(method, path, json === undefined ? undefined : { json });
  expect(response.status, response.text).toBe(400);
  return response.body as ExceptionDto;
}

describe('GET/POST /history/process-instance: activity filters', () => {
  it('selects by active, executed and active-or-failing activities', async () => {
    const { request, big, small, moved, failing } = await fixture();
    expect(await historicIds(request, 'activeActivityIdIn=task1')).toEqual([big, small].sort());
    expect(await historicIds(request, 'activeActivityIdIn=task2,service')).toEqual([moved]);
    expect(await historicIds(request, 'executedActivityIdIn=task1')).toEqual([moved]);
    // The failing asynchronous service task has no activity instance, only its open incident.
    expect(await historicIds(request, 'activityIdIn=service')).toEqual([failing]);
    expect(await historicIds(request, 'activityIdIn=task2&withIncidents=true')).toEqual([]);

    const posted = await request('POST', '/history/process-instance/count', {
      json: { activeActivityIdIn: ['task1'], processInstanceBusinessKeyLike: null },
    });
    expect(posted.body).toEqual({ count: 2 });
  });
});

describe('GET/POST /history/process-instance: variables', () => {
  it('reads name_operator_value lists from the URL and conditions from a body', async () => {
    const { request, big, small } = await fixture();
    // URL values are Strings: they match String variables only, never the Integer `amount`.
    expect(await historicIds(request, 'variables=amount_gt_100')).toEqual([]);
    expect(await historicIds(request, 'variables=amount_eq_500')).toEqual([]);
    expect(await historicIds(request, 'variables=status_like_Op%25')).toEqual([big, small].sort());
    expect(await historicIds(request, 'variables=status_eq_open')).toEqual([]);
    expect(
      await historicIds(
        request,
        'variables=STATUS_eq_open&variableNamesIgnoreCase=true&variableValuesIgnoreCase=true',
      ),
    ).toEqual([big, small].sort());

    const posted = await request('POST', '/history/process-instance', {
      json: {
        variables: [
          { name: 'amount', operator: 'lt', value: 100 },
          { name: 'status', operator: 'neq', value: 'Closed' },
        ],
      },
    });
    expect(posted.status, posted.text).toBe(200);
    expect(ids(posted.body)).toEqual([small]);
    const above = await request('POST', '/history/process-instance/count', {
      json: { variables: [{ name: 'amount', operator: 'gt', value: 100 }] },
    });
    expect(above.body).toEqual({ count: 1 });
  });

  it('answers bad values with InvalidRequestException', async () => {
    const { request } = createTestApp();
    const comparator = await badRequest(
      request,
      'GET',
      '/history/process-instance?variables=amount_approx_1',
    );
    expect(comparator).toMatchObject({
      type: 'InvalidRequestException',
      message: 'Invalid variable comparator specified: approx',
    });
    const format = await badRequest(request, 'GET', '/history/process-instance/count?variables=x');
    expect(format.message).toBe(
      "Cannot set query parameter 'variables' to value 'x': variable query parameter has to have format KEY_OPERATOR_VALUE.",
    );
    const flag = await badRequest(
      request,
      'GET',
      '/history/process-instance?variableNamesIgnoreCase=yes',
    );
    expect(flag.message).toBe(
      "Cannot set query parameter 'variableNamesIgnoreCase' to value 'yes'",
    );
    const posted = await badRequest(request, 'POST', '/history/process-instance', {
      variables: [{ name: 'amount', operator: 'approx', value: 1 }],
    });
    expect(posted.message).toBe('Invalid variable comparator specified: approx');
  });
});

describe('POST /modification/execute with a historicProcessInstanceQuery', () => {
  it('modifies the instances the activity and variable filters select', async () => {
    const { request, engine, big, small } = await fixture();
    const definitionId = engine.latestDefinition('twoTasks')?.id;
    const response = await request('POST', '/modification/execute', {
      json: {
        processDefinitionId: definitionId,
        instructions: [
          { type: 'startBeforeActivity', activityId: 'task2' },
          { type: 'cancel', activityId: 'task1' },
        ],
        historicProcessInstanceQuery: {
          processDefinitionId: definitionId,
          unfinished: true,
          activeActivityIdIn: ['task1'],
          variables: [{ name: 'amount', operator: 'gteq', value: 500 }],
        },
      },
    });
    expect(response.status, response.text).toBe(204);
    expect(await historicIds(request, 'activeActivityIdIn=task1')).toEqual([small]);
    expect(await historicIds(request, `activeActivityIdIn=task2&processInstanceId=${big}`)).toEqual(
      [big],
    );
  });

  it('rejects an unknown comparator in the query with 400', async () => {
    const { request, engine } = await fixture();
    const message = await badRequest(request, 'POST', '/modification/executeAsync', {
      processDefinitionId: engine.latestDefinition('twoTasks')?.id,
      instructions: [{ type: 'cancel', activityId: 'task1' }],
      historicProcessInstanceQuery: { variables: [{ name: 'a', operator: 'approx', value: 1 }] },
    });
    expect(message).toMatchObject({
      type: 'InvalidRequestException',
      message: 'Invalid variable comparator specified: approx',
    });
  });
});
