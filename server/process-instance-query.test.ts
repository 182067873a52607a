import { describe, expect, it } from 'vitest';
import type { ProcessInstanceDto } from '../contract/camunda/process-instance';
import { DEFAULT_IDENTITIES } from './identities';
import type { TestApp } from './testing/test-app';
import { createTestApp, twoTaskProcess } from './testing/test-app';

const MARY = `Basic ${btoa('mary:mary')}`;

const NS = `xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test"`;

const flow = (id: string, from: string, to: string): string =>
  `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

/** start → fork → (leaf) ∥ (sub: inner) → join → end; a multi-instance `review` after it. */
const SCOPES = `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}>
  <process id="scopes" isExecutable="true" camunda:historyTimeToLive="P1D">
   <startEvent id="start"/>${flow('f1', 'start', 'fork')}
   <parallelGateway id="fork"/>${flow('f2', 'fork', 'leaf')}${flow('f3', 'fork', 'sub')}
   <userTask id="leaf"/>${flow('f4', 'leaf', 'join')}
   <subProcess id="sub"><startEvent id="subStart"/>${flow('s1', 'subStart', 'inner')}
     <userTask id="inner"/>${flow('s2', 'inner', 'subEnd')}<endEvent id="subEnd"/></subProcess>
   ${flow('f5', 'sub', 'join')}<parallelGateway id="join"/>${flow('f6', 'join', 'review')}
   <userTask id="review"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>
   ${flow('f7', 'review', 'end')}<endEvent id="end"/>
  </process></definitions>`;

/** start → asyncBefore sub-process (inner task) → end. */
const ASYNC_SUB = `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}>
  <process id="asyncSub" isExecutable="true" camunda:historyTimeToLive="P1D">
   <startEvent id="start"/>${flow('f1', 'start', 'asyncSubProcess')}
   <subProcess id="asyncSubProcess" camunda:asyncBefore="true"><startEvent id="subStart"/>${flow('s1', 'subStart', 'asyncInner')}
     <userTask id="asyncInner"/>${flow('s2', 'asyncInner', 'subEnd')}<endEvent id="subEnd"/></subProcess>
   ${flow('f2', 'asyncSubProcess', 'end')}<endEvent id="end"/>
  </process></definitions>`;

/** `work`, then `afterWork` (asyncAfter); a non-interrupting event sub-process on `ping`. */
const EVENT_SUB = `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}>
  <message id="ping" name="ping"/>
  <process id="eventSub" isExecutable="true" camunda:historyTimeToLive="P1D">
   <startEvent id="start"/>${flow('f1', 'start', 'work')}<userTask id="work"/>
   ${flow('f2', 'work', 'afterWork')}<manualTask id="afterWork" camunda:asyncAfter="true"/>
   ${flow('f3', 'afterWork', 'end')}<endEvent id="end"/>
   <subProcess id="onPing" triggeredByEvent="true">
     <startEvent id="pingStart" isInterrupting="false"><messageEventDefinition messageRef="ping"/></startEvent>
     ${flow('e1', 'pingStart', 'handle')}<userTask id="handle"/>${flow('e2', 'handle', 'pingEnd')}<endEvent id="pingEnd"/>
   </subProcess>
  </process></definitions>`;

async function completeTask(test: TestApp, processInstanceId: string, key: string) {
  const tasks = (await test.request('GET', `/task?processInstanceId=${processInstanceId}`))
    .body as { id: string; taskDefinitionKey: string }[];
  const task = tasks.find((t) => t.taskDefinitionKey === key);
  const response = await test.request('POST', `/task/${task?.id ?? ''}/complete`, { json: {} });
  expect(response.status, response.text).toBe(204);
}

/** One instance in `leaf` and `inner`, one waiting at the join, one at `review`, one async. */
async function fixture() {
  const test = createTestApp();
  await test.deploy('scopes.bpmn', SCOPES);
  await test.deploy('async.bpmn', ASYNC_SUB);
  const running = await test.start('scopes');
  const atJoin = await test.start('scopes');
  await completeTask(test, atJoin, 'leaf');
  const reviewing = await test.start('scopes');
  await completeTask(test, reviewing, 'leaf');
  await completeTask(test, reviewing, 'inner');
  const asyncWaiting = await test.start('asyncSub');
  return { ...test, running, atJoin, reviewing, asyncWaiting };
}

const ids = (body: unknown) => (body as ProcessInstanceDto[]).map((pi) => pi.id).sort();

describe('GET/POST /process-instance: activityIdIn', () => {
  it('matches instances with an execution at the activity, as Camunda does', async () => {
    const { request, running, atJoin, reviewing, asyncWaiting } = await fixture();
    const get = async (activityIdIn: string) => {
      const response = await request('GET', `/process-instance?activityIdIn=${activityIdIn}`);
      expect(response.status, response.text).toBe(200);
      return ids(response.body);
    };

    expect(await get('leaf')).toEqual([running]);
    expect(await get('inner')).toEqual([running, atJoin].sort());
    expect(await get('join')).toEqual([atJoin]);
    expect(await get('review')).toEqual([reviewing]);
    // A scope with tokens inside, a fork and a multi-instance body match nothing…
    expect(await get('sub,fork,review%23multiInstanceBody')).toEqual([]);
    // …but a sub-process waiting in its asyncBefore continuation is where the execution is.
    expect(await get('asyncSubProcess')).toEqual([asyncWaiting]);

    const posted = await request('POST', '/process-instance', {
      json: { activityIdIn: ['join', 'sub', 'asyncSubProcess'] },
    });
    expect(ids(posted.body)).toEqual([atJoin, asyncWaiting].sort());
    const counted = await request('GET', '/process-instance/count?activityIdIn=sub,inner');
    expect(counted.body).toEqual({ count: 2 });
    const postedCount = await request('POST', '/process-instance/count', {
      json: { activityIdIn: ['review#multiInstanceBody'] },
    });
    expect(postedCount.body).toEqual({ count: 0 });
  });

  it('matches inside an event sub-process and an activity left asyncAfter', async () => {
    const test = createTestApp();
    await test.deploy('event.bpmn', EVENT_SUB);
    const pinged = await test.start('eventSub');
    const correlated = await test.request('POST', '/message', {
      json: { messageName: 'ping', processInstanceId: pinged },
    });
    expect(correlated.status, correlated.text).toBe(204);
    const left = await test.start('eventSub');
    await completeTask(test, left, 'work');
    const get = async (activityIdIn: string) =>
      ids((await test.request('GET', `/process-instance?activityIdIn=${activityIdIn}`)).body);

    expect(await get('handle')).toEqual([pinged]);
    expect(await get('onPing,pingStart')).toEqual([]);
    expect(await get('work')).toEqual([pinged]);
    // The job after afterWork has not run: the execution is still at afterWork.
    expect(await get('afterWork')).toEqual([left]);
  });

  it('selects the instances of /modification/execute by the same rule', async () => {
    const { request, engine, running, atJoin } = await fixture();
    const response = await request('POST', '/modification/execute', {
      json: {
        processDefinitionId: engine.latestDefinition('scopes')?.id,
        instructions: [{ type: 'cancel', activityId: 'inner' }],
        // `sub` selects nothing; `inner` selects both instances with a token in the sub-process.
        processInstanceQuery: { activityIdIn: ['sub', 'inner'] },
      },
    });
    expect(response.status, response.text).toBe(204);
    const afterwards = await request('GET', '/process-instance?activityIdIn=inner');
    expect(ids(afterwards.body)).toEqual([]);
    const untouched = await request('GET', '/process-instance?activityIdIn=leaf,join');
    expect(ids(untouched.body)).toEqual([running, atJoin].sort());
  });
});

describe('GET/POST /process-instance: paging what the user may read', () => {
  it('skips and counts only the instances the user may read', async () => {
    const test = createTestApp({
      identities: {
        ...DEFAULT_IDENTITIES,
        users: [...DEFAULT_IDENTITIES.users, { id: 'mary', password: 'mary' }],
      },
    });
    await test.deploy('p.bpmn', twoTaskProcess());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await test.start('twoTasks'));
    }
    ids.sort();
    const readable = [ids[0], ids[2], ids[4]];
    for (const resourceId of readable) {
      const granted = await test.request('POST', '/authorization/create', {
        json: { type: 1, userId: 'mary', resourceType: 8, resourceId, permissions: ['READ'] },
      });
      expect(granted.status, granted.text).toBe(200);
    }
    const page = async (firstResult: number, authorization?: string) => {
      const response = await test.request(
        'POST',
        `/process-instance?firstResult=${String(firstResult)}&maxResults=2`,
        { json: { sorting: [{ sortBy: 'instanceId', sortOrder: 'asc' }] }, authorization },
      );
      expect(response.status, response.text).toBe(200);
      return (response.body as ProcessInstanceDto[]).map((pi) => pi.id);
    };

    expect(await page(1, MARY)).toEqual([ids[2], ids[4]]);
    expect(await page(1)).toEqual([ids[1], ids[2]]);
    const count = await test.request('GET', '/process-instance/count', { authorization: MARY });
    expect(count.body).toEqual({ count: 3 });
  });
});

describe('GET/POST /process-instance: READ_INSTANCE on a definition', () => {
  it('pages the instances of the definitions the user may read the instances of', async () => {
    const test = createTestApp({
      identities: {
        ...DEFAULT_IDENTITIES,
        users: [...DEFAULT_IDENTITIES.users, { id: 'mary', password: 'mary' }],
      },
    });
    await test.deploy('a.bpmn', twoTaskProcess('a'));
    await test.deploy('b.bpmn', twoTaskProcess('b'));
    const ofA: string[] = [];
    for (let i = 0; i < 3; i++) {
      ofA.push(await test.start('a'));
      await test.start('b');
    }
    const granted = await test.request('POST', '/authorization/create', {
      json: {
        type: 1,
        userId: 'mary',
        resourceType: 6,
        resourceId: 'a',
        permissions: ['READ_INSTANCE'],
      },
    });
    expect(granted.status, granted.text).toBe(200);
    const page = await test.request(
      'GET',
      '/process-instance?sortBy=instanceId&sortOrder=desc&firstResult=1&maxResults=5',
      {
        authorization: MARY,
      },
    );
    expect((page.body as ProcessInstanceDto[]).map((pi) => pi.id)).toEqual(
      ofA.sort().reverse().slice(1),
    );
    const count = await test.request('POST', '/process-instance/count', {
      json: {},
      authorization: MARY,
    });
    expect(count.body).toEqual({ count: 3 });
  });
});
