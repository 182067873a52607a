/**
 * `GET /history/incident` and its count: one failedJob incident per instance, left open, resolved
 * by new retries, resolved by a successful manual execution, and deleted with its instance or
 * by cancelling its activity; and the incident of a batch's failed job, which has no instance.
 */
import { describe, expect, it } from 'vitest';
import type { ExceptionDto } from '../contract/camunda/common';
import type { HistoricIncidentDto } from '../contract/camunda/job';
import { DEFAULT_IDENTITIES } from './identities';
import type { TestApp } from './testing/test-app';
import { asyncServiceProcess, createTestApp } from './testing/test-app';

const JOHN = `Basic ${btoa('john:john')}`;
const MARY = `Basic ${btoa('mary:mary')}`;
const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

async function failedJobOf(test: TestApp, processInstanceId: string): Promise<string> {
  const jobs = (await test.request('GET', `/job?processInstanceId=${processInstanceId}`)).body as {
    id: string;
  }[];
  const jobId = jobs[0]?.id ?? '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await test.request('POST', `/job/${jobId}/execute`);
    expect(response.status, response.text).not.toBe(204);
  }
  return jobId;
}

/** Lets mary READ_HISTORY of the definition `failing` only. */
async function grantMaryHistoryOfFailing(test: TestApp): Promise<void> {
  const granted = await test.request('POST', '/authorization/create', {
    json: {
      type: 1,
      userId: 'mary',
      resourceType: 6,
      resourceId: 'failing',
      permissions: ['READ_HISTORY'],
    },
  });
  expect(granted.status, granted.text).toBe(200);
}

async function fixture() {
  const test = createTestApp({
    identities: {
      ...DEFAULT_IDENTITIES,
      users: [...DEFAULT_IDENTITIES.users, { id: 'mary', password: 'mary' }],
    },
  });
  await test.deploy(
    'p.bpmn',
    asyncServiceProcess('failing', '${fail ? undefinedThing.call() : true}'),
  );
  const failing = { variables: { fail: { value: true, type: 'Boolean' } } };
  const open = await test.start('failing', failing);
  const retried = await test.start('failing', failing);
  const executed = await test.start('failing', failing);
  const deleted = await test.start('failing', failing);
  const cancelled = await test.start('failing', failing);
  await failedJobOf(test, open);
  const retriedJob = await failedJobOf(test, retried);
  const executedJob = await failedJobOf(test, executed);
  await failedJobOf(test, deleted);
  await failedJobOf(test, cancelled);

  const retries = await test.request('PUT', `/job/${retriedJob}/retries`, { json: { retries: 1 } });
  expect(retries.status, retries.text).toBe(204);
  const fixed = await test.request('PUT', `/process-instance/${executed}/variables/fail`, {
    json: { value: false, type: 'Boolean' },
  });
  expect(fixed.status, fixed.text).toBe(204);
  const run = await test.request('POST', `/job/${executedJob}/execute`);
  expect(run.status, run.text).toBe(204);
  expect((await test.request('DELETE', `/process-instance/${deleted}`)).status).toBe(204);
  const cancel = await test.request('POST', `/process-instance/${cancelled}/modification`, {
    json: {
      instructions: [
        { type: 'startBeforeActivity', activityId: 'task' },
        { type: 'cancel', activityId: 'service' },
      ],
    },
  });
  expect(cancel.status, cancel.text).toBe(204);
  return { ...test, open, retried, executed, deleted, cancelled };
}

describe('GET /history/incident', () => {
  it('reports each incident with its fields and how it ended', async () => {
    const f = await fixture();
    const response = await f.request('GET', '/history/incident?sortBy=createTime&sortOrder=asc');
    expect(response.status, response.text).toBe(200);
    const incidents = response.body as HistoricIncidentDto[];
    const state = (incident: HistoricIncidentDto | undefined) =>
      incident && [incident.open, incident.resolved, incident.deleted];
    const of = (processInstanceId: string) =>
      incidents.find((incident) => incident.processInstanceId === processInstanceId);

    expect(incidents.map((incident) => incident.processInstanceId)).toEqual([
      f.open,
      f.retried,
      f.executed,
      f.deleted,
      f.cancelled,
    ]);
    expect(state(of(f.open))).toEqual([true, false, false]);
    expect(state(of(f.retried))).toEqual([false, true, false]);
    expect(state(of(f.executed))).toEqual([false, true, false]);
    expect(state(of(f.deleted))).toEqual([false, false, true]);
    expect(state(of(f.cancelled))).toEqual([false, false, true]);

    const runtime = (await f.request('GET', `/incident?processInstanceId=${f.open}`)).body as {
      id: string;
      configuration: string;
      jobDefinitionId: string;
      executionId: string;
      incidentMessage: string;
    }[];
    const open = of(f.open);
    expect(open).toEqual({
      id: runtime[0]?.id,
      processDefinitionKey: 'failing',
      processDefinitionId: f.engine.latestDefinition('failing')?.id,
      processInstanceId: f.open,
      executionId: runtime[0]?.executionId,
      rootProcessInstanceId: f.open,
      createTime: expect.stringMatching(CAMUNDA_DATE) as unknown,
      endTime: null,
      removalTime: null,
      incidentType: 'failedJob',
      activityId: 'service',
      failedActivityId: 'service',
      causeIncidentId: runtime[0]?.id,
      rootCauseIncidentId: runtime[0]?.id,
      configuration: runtime[0]?.configuration,
      historyConfiguration: null,
      incidentMessage: runtime[0]?.incidentMessage,
      tenantId: null,
      jobDefinitionId: runtime[0]?.jobDefinitionId,
      open: true,
      deleted: false,
      resolved: false,
      annotation: null,
    });
    expect(of(f.retried)?.endTime).toMatch(CAMUNDA_DATE);
    expect(of(f.deleted)?.endTime).toMatch(CAMUNDA_DATE);
  });

  it('filters by state, instance, definition and activity, sorts and pages', async () => {
    const f = await fixture();
    const ids = async (query: string) => {
      const response = await f.request('GET', `/history/incident?${query}`);
      expect(response.status, response.text).toBe(200);
      return (response.body as HistoricIncidentDto[]).map((incident) => incident.processInstanceId);
    };
    const count = async (query: string) =>
      (await f.request('GET', `/history/incident/count?${query}`)).body;

    expect(await ids('open=true')).toEqual([f.open]);
    // HistoricIncidentQueryDto: `open` given at all asks for open incidents.
    expect(await ids('open=false')).toEqual([f.open]);
    expect((await ids('resolved=true')).sort()).toEqual([f.retried, f.executed].sort());
    expect((await ids('deleted=true')).sort()).toEqual([f.deleted, f.cancelled].sort());
    expect(await count('resolved=false')).toEqual({ count: 5 });
    expect(await ids(`processInstanceId=${f.deleted}`)).toEqual([f.deleted]);
    expect(await count('processDefinitionKey=failing&activityId=service')).toEqual({ count: 5 });
    expect(await count('processDefinitionKeyIn=other')).toEqual({ count: 0 });
    const definitionId = f.engine.latestDefinition('failing')?.id ?? '';
    expect(await count(`processDefinitionId=${definitionId}&incidentType=failedJob`)).toEqual({
      count: 5,
    });
    expect(await count('activityId=task')).toEqual({ count: 0 });
    expect(await count('incidentMessageLike=%25undefinedThing%25')).toEqual({ count: 5 });

    expect(await ids('sortBy=incidentState&sortOrder=asc&firstResult=0&maxResults=1')).toEqual([
      f.open,
    ]);
    expect(await ids('sortBy=createTime&sortOrder=desc&firstResult=1&maxResults=2')).toEqual([
      f.deleted,
      f.executed,
    ]);

    const twoStates = await f.request('GET', '/history/incident?open=true&deleted=true');
    expect(twoStates.status).toBe(500);
    expect(twoStates.body).toMatchObject({
      type: 'ProcessEngineException',
      message: 'Already querying for incident state <open>',
    } satisfies Partial<ExceptionDto>);
    const badSort = await f.request('GET', '/history/incident?sortBy=state&sortOrder=asc');
    expect(badSort.status).toBe(400);
  });

  it('lists the incidents of the definitions the user may READ_HISTORY of', async () => {
    const f = await fixture();
    const john = await f.request('GET', '/history/incident/count', { authorization: JOHN });
    expect(john.body).toEqual({ count: 5 });
    expect((await f.request('GET', '/history/incident', { authorization: MARY })).body).toEqual([]);

    await grantMaryHistoryOfFailing(f);
    expect(
      (await f.request('GET', '/history/incident/count', { authorization: MARY })).body,
    ).toEqual({ count: 5 });
  });

  it("lists a failed batch job's incident, which has no instance, to READ_HISTORY on every definition", async () => {
    const f = await fixture();
    const instance = await f.start('failing', {
      variables: { fail: { value: false, type: 'Boolean' } },
    });
    const created = await f.request('POST', `/process-instance/${instance}/modification-async`, {
      json: { instructions: [{ type: 'cancel', activityId: 'service' }] },
    });
    expect(created.status, created.text).toBe(200);
    const batch = created.body as { seedJobDefinitionId: string; batchJobDefinitionId: string };
    expect((await f.request('DELETE', `/process-instance/${instance}`)).status).toBe(204);
    const jobsOf = async (jobDefinitionId: string) =>
      (await f.request('GET', `/job?jobDefinitionId=${jobDefinitionId}`)).body as { id: string }[];
    const [seed] = await jobsOf(batch.seedJobDefinitionId);
    expect((await f.request('POST', `/job/${seed?.id ?? ''}/execute`)).status).toBe(204);
    const [execution] = await jobsOf(batch.batchJobDefinitionId);
    for (let attempt = 0; attempt < 3; attempt++) {
      await f.request('POST', `/job/${execution?.id ?? ''}/execute`);
    }

    const path = `/history/incident?jobDefinitionIdIn=${batch.batchJobDefinitionId}`;
    const listed = (await f.request('GET', path)).body as HistoricIncidentDto[];
    expect(listed).toEqual([
      expect.objectContaining({
        incidentType: 'failedJob',
        configuration: execution?.id,
        jobDefinitionId: batch.batchJobDefinitionId,
        processInstanceId: null,
        processDefinitionId: null,
        processDefinitionKey: null,
        open: true,
      }),
    ]);
    // Camunda's authorization join matches an incident's definition key or '*': john reads the
    // history of every definition, mary only that of 'failing'.
    expect((await f.request('GET', path, { authorization: JOHN })).body).toHaveLength(1);
    await grantMaryHistoryOfFailing(f);
    expect((await f.request('GET', path, { authorization: MARY })).body).toEqual([]);
  });
});
