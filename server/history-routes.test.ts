import { describe, expect, it } from 'vitest';
import type { ExceptionDto } from '../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../contract/camunda/history';
import type { ProcessDefinitionDto } from '../contract/camunda/repository';
import type { HistoricActivityInstanceDto } from '../contract/camunda/history';
import type { TestApp } from './testing/test-app';
import { asyncServiceProcess, createTestApp, twoTaskProcess } from './testing/test-app';

const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;

/** start → userTask `review` (assigned to john) → end. */
const ASSIGNED_TASK_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="assigned" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="flow1" sourceRef="start" targetRef="review" />
    <userTask id="review" name="Review" camunda:assignee="john" />
    <sequenceFlow id="flow2" sourceRef="review" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

async function activityInstances(
  request: TestApp['request'],
  query: string,
): Promise<HistoricActivityInstanceDto[]> {
  const response = await request('GET', `/history/activity-instance?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body as HistoricActivityInstanceDto[];
}

const activityIds = (list: HistoricActivityInstanceDto[]) => list.map((ai) => ai.activityId);

/** A date query parameter; `+0000` must not reach the server as a space. */
const dateParam = (date: string) => encodeURIComponent(date);

describe('GET /history/activity-instance', () => {
  it('shows the token a modification removed as canceled and the started one as unfinished', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    const other = await start('twoTasks');
    const modified = await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: MOVE_TO_TASK2 },
    });
    expect(modified.status).toBe(204);

    const [canceled, ...moreCanceled] = await activityInstances(
      request,
      `processInstanceId=${id}&canceled=true`,
    );
    expect(moreCanceled).toEqual([]);
    expect(canceled).toMatchObject({ activityId: 'task1', canceled: true, completeScope: false });
    expect(canceled?.endTime).toMatch(CAMUNDA_DATE);
    expect(canceled?.durationInMillis).toBeGreaterThan(0);

    const unfinished = await activityInstances(request, `processInstanceId=${id}&unfinished=true`);
    expect(unfinished).toHaveLength(1);
    expect(unfinished[0]).toMatchObject({
      activityId: 'task2',
      activityName: 'Task 2',
      activityType: 'userTask',
      endTime: null,
      durationInMillis: null,
      canceled: false,
    });
    expect(unfinished[0]?.taskId).toEqual(expect.any(String));

    const finished = await activityInstances(
      request,
      `processInstanceId=${id}&finished=true&sortBy=occurrence&sortOrder=asc`,
    );
    expect(activityIds(finished)).toEqual(['start', 'task1']);
    expect(
      (await request('GET', `/history/activity-instance/count?processInstanceId=${id}`)).body,
    ).toEqual({ count: 3 });
    // The other instance is untouched: its first task is still running.
    expect(
      activityIds(await activityInstances(request, `processInstanceId=${other}&unfinished=true`)),
    ).toEqual(['task1']);
  });

  it('answers every field of HistoricActivityInstanceDto and reads one instance by id', async () => {
    const { request, deploy, start } = createTestApp();
    const deployment = await deploy('p.bpmn', twoTaskProcess());
    const [definitionId = ''] = Object.keys(deployment.deployedProcessDefinitions as object);
    const id = await start('twoTasks');
    const [task1] = await activityInstances(request, `activityId=task1`);

    const task = (await request('GET', `/task?processInstanceId=${id}`)).body as { id: string }[];
    const ids = { id: task1?.id ?? '', executionId: task1?.executionId ?? '' };
    expect(ids.id).not.toBe('');
    expect(ids.executionId).not.toBe('');
    expect(task1?.startTime).toMatch(CAMUNDA_DATE);
    expect(task1).toEqual({
      ...ids,
      parentActivityInstanceId: id,
      activityId: 'task1',
      activityName: 'Task 1',
      activityType: 'userTask',
      processDefinitionKey: 'twoTasks',
      processDefinitionId: definitionId,
      processInstanceId: id,
      taskId: task[0]?.id,
      calledProcessInstanceId: null,
      calledCaseInstanceId: null,
      assignee: null,
      startTime: task1?.startTime,
      endTime: null,
      durationInMillis: null,
      canceled: false,
      completeScope: false,
      tenantId: null,
      removalTime: null,
      rootProcessInstanceId: id,
    });
    const single = await request('GET', `/history/activity-instance/${task1?.id ?? ''}`);
    expect(single.body).toEqual(task1);
    const missing = await request('GET', '/history/activity-instance/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      type: 'InvalidRequestException',
      message: 'Historic activity instance with id nope does not exist',
      code: null,
    });
  });

  it('filters by ids, name, type and assignee', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    await deploy('a.bpmn', ASSIGNED_TASK_PROCESS);
    const id = await start('twoTasks');
    const assigned = await start('assigned');
    const [task1] = await activityInstances(request, `processInstanceId=${id}&activityId=task1`);
    const definitionId =
      ((await request('GET', '/process-definition?key=twoTasks')).body as ProcessDefinitionDto[])[0]
        ?.id ?? '';

    expect(
      activityIds(await activityInstances(request, `activityInstanceId=${task1?.id ?? ''}`)),
    ).toEqual(['task1']);
    expect(
      activityIds(await activityInstances(request, `executionId=${task1?.executionId ?? ''}`)),
    ).toContain('task1');
    expect(
      activityIds(await activityInstances(request, `processDefinitionId=${definitionId}`)).sort(),
    ).toEqual(['start', 'task1']);
    expect(activityIds(await activityInstances(request, 'activityName=Review'))).toEqual([
      'review',
    ]);
    expect(activityIds(await activityInstances(request, 'activityNameLike=Task%'))).toEqual([
      'task1',
    ]);
    expect(
      activityIds(
        await activityInstances(request, 'activityType=startEvent&sortBy=instanceId&sortOrder=asc'),
      ),
    ).toEqual(['start', 'start']);
    const byAssignee = await activityInstances(request, 'taskAssignee=john');
    expect(byAssignee.map((ai) => [ai.processInstanceId, ai.activityId, ai.assignee])).toEqual([
      [assigned, 'review', 'john'],
    ]);
    expect(await activityInstances(request, 'taskAssignee=mary')).toEqual([]);
    // `completeScope=true` matches none: this engine does not mark scope-completing end events.
    expect(await activityInstances(request, 'completeScope=true')).toEqual([]);
    expect(await activityInstances(request, 'completeScope=false')).toHaveLength(4);
  });

  it('filters by start and end time, inclusively, in Camunda date format', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: MOVE_TO_TASK2 },
    });
    const all = await activityInstances(request, 'sortBy=startTime&sortOrder=asc');
    expect(activityIds(all)).toEqual(['start', 'task1', 'task2']);
    const task1 = all[1];
    const task2 = all[2];
    const started1 = dateParam(task1?.startTime ?? '');
    const ended1 = dateParam(task1?.endTime ?? '');

    expect(activityIds(await activityInstances(request, `startedAfter=${started1}`))).toEqual([
      'task1',
      'task2',
    ]);
    expect(activityIds(await activityInstances(request, `startedBefore=${started1}`))).toEqual([
      'start',
      'task1',
    ]);
    expect(activityIds(await activityInstances(request, `finishedAfter=${ended1}`))).toEqual([
      'task1',
    ]);
    expect(activityIds(await activityInstances(request, `finishedBefore=${ended1}`))).toEqual([
      'start',
      'task1',
    ]);
    expect(
      activityIds(
        await activityInstances(
          request,
          `startedAfter=${dateParam(task2?.startTime ?? '')}&unfinished=true`,
        ),
      ),
    ).toEqual(['task2']);
    const offset = await activityInstances(
      request,
      `startedAfter=${encodeURIComponent('2024-01-15T11:30:00.000+0100')}`,
    );
    expect(offset).toHaveLength(3);
  });

  it('sorts, pages and answers the POST query', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const id = await start('twoTasks');
    await request('POST', `/process-instance/${id}/modification`, {
      json: { instructions: MOVE_TO_TASK2 },
    });

    const byName = await activityInstances(request, 'sortBy=activityName&sortOrder=desc');
    // Database order: nulls first ascending, so last descending (the start event has no name).
    expect(activityIds(byName)).toEqual(['task2', 'task1', 'start']);
    for (const sortBy of [
      'activityInstanceId',
      'executionId',
      'activityId',
      'activityType',
      'endTime',
      'duration',
      'definitionId',
    ]) {
      const sorted = await request(
        'GET',
        `/history/activity-instance?sortBy=${sortBy}&sortOrder=asc`,
      );
      expect(sorted.status, sortBy).toBe(200);
      expect(sorted.body, sortBy).toHaveLength(3);
    }
    const byDuration = await activityInstances(request, 'sortBy=duration&sortOrder=desc');
    expect(byDuration[2]?.activityId).toBe('task2');
    const paged = await activityInstances(
      request,
      'sortBy=occurrence&sortOrder=desc&firstResult=1&maxResults=1',
    );
    expect(activityIds(paged)).toEqual(['task1']);

    const posted = await request('POST', '/history/activity-instance?maxResults=1', {
      json: {
        processInstanceId: id,
        finished: true,
        sorting: [{ sortBy: 'occurrence', sortOrder: 'desc' }],
      },
    });
    expect(activityIds(posted.body as HistoricActivityInstanceDto[])).toEqual(['task1']);
    const postedCount = await request('POST', '/history/activity-instance/count', {
      json: { canceled: true, startedAfter: '2024-01-01T00:00:00.000+0000' },
    });
    expect(postedCount.body).toEqual({ count: 1 });

    const badSort = await request('GET', '/history/activity-instance?sortBy=color&sortOrder=asc');
    expect(badSort.status).toBe(400);
    expect((badSort.body as ExceptionDto).message).toBe(
      "Cannot set query parameter 'sortBy' to value 'color'",
    );
    const badDate = await request('GET', '/history/activity-instance?startedAfter=yesterday');
    expect(badDate.status).toBe(400);
    expect((badDate.body as ExceptionDto).type).toBe('InvalidRequestException');
  });
});

describe('GET /history/process-instance', () => {
  async function historic(
    request: TestApp['request'],
    query: string,
  ): Promise<HistoricProcessInstanceDto[]> {
    const response = await request('GET', `/history/process-instance?${query}`);
    expect(response.status, response.text).toBe(200);
    return response.body as HistoricProcessInstanceDto[];
  }
  const ids = (list: HistoricProcessInstanceDto[]) => list.map((pi) => pi.id);

  it('reports an instance whose every token was cancelled as EXTERNALLY_TERMINATED', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    const cancelled = await start('twoTasks', { businessKey: 'order-1' });
    const running = await start('twoTasks', { businessKey: 'order-2' });
    const response = await request('POST', `/process-instance/${cancelled}/modification`, {
      json: { instructions: [{ type: 'cancel', activityId: 'task1' }] },
    });
    expect(response.status).toBe(204);
    expect((await request('GET', `/process-instance/${cancelled}`)).status).toBe(404);

    // Camunda's state flags (HistoricProcessInstanceQueryDto), one state per query.
    const terminated = await historic(request, 'externallyTerminated=true');
    expect(ids(terminated)).toEqual([cancelled]);
    expect(terminated[0]).toMatchObject({ businessKey: 'order-1', state: 'EXTERNALLY_TERMINATED' });
    expect(terminated[0]?.endTime).toMatch(CAMUNDA_DATE);
    expect(ids(await historic(request, 'active=true'))).toEqual([running]);
    expect(await historic(request, 'completed=true')).toEqual([]);
    expect(ids(await historic(request, 'active=false')).sort()).toEqual(
      [cancelled, running].sort(),
    );
    expect(ids(await historic(request, 'finished=true'))).toEqual([cancelled]);
    expect(ids(await historic(request, 'unfinished=true'))).toEqual([running]);
    expect(
      (await request('GET', '/history/process-instance/count?externallyTerminated=true')).body,
    ).toEqual({ count: 1 });
    const posted = await request('POST', '/history/process-instance', {
      json: { externallyTerminated: true },
    });
    expect(ids(posted.body as HistoricProcessInstanceDto[])).toEqual([cancelled]);

    const twoStates = await request('GET', '/history/process-instance?active=true&completed=true');
    expect(twoStates.status).toBe(400);
    expect(twoStates.body).toMatchObject({
      type: 'BadUserRequestException',
      message:
        'Already querying for historic process instance with another state: ACTIVE is not null',
    });
  });

  it('filters by ids, key, business key, dates and incidents, and sorts by time', async () => {
    const { request, deploy, start } = createTestApp();
    await deploy('p.bpmn', twoTaskProcess());
    await deploy('f.bpmn', asyncServiceProcess('failing', '${missingBean.call()}'));
    const first = await start('twoTasks', { businessKey: 'order-1' });
    const second = await start('twoTasks', { businessKey: 'order-2' });
    const failing = await start('failing');
    await request('POST', `/process-instance/${first}/modification`, {
      json: { instructions: [{ type: 'cancel', activityId: 'task1' }] },
    });
    const [job] = (await request('GET', `/job?processInstanceId=${failing}`)).body as {
      id: string;
    }[];
    for (let attempt = 0; attempt < 3; attempt++) {
      await request('POST', `/job/${job?.id ?? ''}/execute`);
    }

    expect(ids(await historic(request, `processInstanceIds=${first},${failing}`)).sort()).toEqual(
      [first, failing].sort(),
    );
    expect(ids(await historic(request, 'processDefinitionKey=failing'))).toEqual([failing]);
    expect(ids(await historic(request, 'processInstanceBusinessKey=order-2'))).toEqual([second]);
    expect(ids(await historic(request, 'processInstanceBusinessKeyLike=order-%'))).toHaveLength(2);
    expect(ids(await historic(request, 'withIncidents=true'))).toEqual([failing]);

    const all = await historic(request, 'sortBy=startTime&sortOrder=asc');
    expect(ids(all)).toEqual([first, second, failing]);
    expect(ids(await historic(request, 'sortBy=startTime&sortOrder=desc'))).toEqual([
      failing,
      second,
      first,
    ]);
    // Running instances have no end time: nulls sort first ascending.
    expect(ids(await historic(request, 'sortBy=endTime&sortOrder=desc'))[0]).toBe(first);
    const secondStart = dateParam(all[1]?.startTime ?? '');
    expect(ids(await historic(request, `startedAfter=${secondStart}`))).toEqual([second, failing]);
    expect(ids(await historic(request, `startedBefore=${secondStart}`))).toEqual([first, second]);
    const ended = dateParam(all[0]?.endTime ?? '');
    expect(ids(await historic(request, `finishedAfter=${ended}`))).toEqual([first]);
    expect(ids(await historic(request, `finishedBefore=${ended}`))).toEqual([first]);
    expect(
      await historic(request, `finishedBefore=${dateParam('2024-01-01T00:00:00.000+0000')}`),
    ).toEqual([]);
  });
});
