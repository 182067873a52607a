/**
 * Runtime `activityIdIn` and history `activityIdIn` / `activeActivityIdIn` /
 * `executedActivityIdIn` side by side, in the cases Camunda's HistoricProcessInstanceTest pins
 * down (testQueryByLeafActivityId, testQueryByNonLeafActivityId, testQueryByAsyncBeforeActivityId,
 * testQueryByAsyncAfterActivityId, testHistoricProcInstQueryWithActivityIdsWithFailingActivity).
 */
import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../process-engine';
import type { TypedValue } from '../variables';
import type { HistoricProcessInstanceQuery } from './history-query';
import { findHistoricProcessInstances } from './history-query';
import { findProcessInstances } from './process-instance-query';

const NS = `xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test"`;

const process = (id: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}><message id="ping" name="ping"/><process id="${id}" isExecutable="true">${body}</process></definitions>`;

const flow = (id: string, from: string, to: string): string =>
  `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

/** start → fork → (leaf) ∥ (sub: subStart → inner → subEnd) → join → end */
const FORK_JOIN_SUB = process(
  'forkJoinSub',
  `<startEvent id="start"/>${flow('f1', 'start', 'fork')}
   <parallelGateway id="fork"/>${flow('f2', 'fork', 'leaf')}${flow('f3', 'fork', 'sub')}
   <userTask id="leaf"/>${flow('f4', 'leaf', 'join')}
   <subProcess id="sub"><startEvent id="subStart"/>${flow('s1', 'subStart', 'inner')}
     <userTask id="inner"/>${flow('s2', 'inner', 'subEnd')}<endEvent id="subEnd"/></subProcess>
   ${flow('f5', 'sub', 'join')}<parallelGateway id="join"/>${flow('f6', 'join', 'end')}
   <endEvent id="end"/>`,
);

/** A parallel multi-instance user task and a parallel multi-instance sub-process. */
const MULTI_INSTANCE = process(
  'multiInstance',
  `<startEvent id="start"/>${flow('f1', 'start', 'review')}
   <userTask id="review"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>
   ${flow('f2', 'review', 'miSub')}
   <subProcess id="miSub"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
     <startEvent id="miStart"/>${flow('m1', 'miStart', 'miTask')}<userTask id="miTask"/>${flow('m2', 'miTask', 'miEnd')}<endEvent id="miEnd"/></subProcess>
   ${flow('f3', 'miSub', 'end')}<endEvent id="end"/>`,
);

/** work, with a non-interrupting event sub-process started by the message `ping`. */
const EVENT_SUB = process(
  'eventSub',
  `<startEvent id="start"/>${flow('f1', 'start', 'work')}<userTask id="work"/>${flow('f2', 'work', 'end')}<endEvent id="end"/>
   <subProcess id="onPing" triggeredByEvent="true"><startEvent id="pingStart" isInterrupting="false"><messageEventDefinition messageRef="ping"/></startEvent>
     ${flow('e1', 'pingStart', 'handle')}<userTask id="handle"/>${flow('e2', 'handle', 'pingEnd')}<endEvent id="pingEnd"/></subProcess>`,
);

/** Camunda's testQueryByAsyncBeforeActivityId / testQueryByAsyncAfterActivityId model. */
const asyncModel = (key: string, attribute: string): string =>
  process(
    key,
    `<startEvent id="start" ${attribute}/>${flow('f1', 'start', 'subProcess')}
     <subProcess id="subProcess" ${attribute}><startEvent id="subStart"/>${flow('s1', 'subStart', 'task')}
       <serviceTask id="task" ${attribute} camunda:expression="\${true}"/>${flow('s2', 'task', 'subEnd')}<endEvent id="subEnd"/></subProcess>
     ${flow('f2', 'subProcess', 'end')}<endEvent id="end" ${attribute}/>`,
  );

/** A service task whose asynchronous continuation fails. */
const FAILING = process(
  'failing',
  `<startEvent id="start"/>${flow('f1', 'start', 'serviceTask')}
   <serviceTask id="serviceTask" camunda:asyncBefore="true" camunda:expression="\${fail ? undefinedThing.call() : true}"/>
   ${flow('f2', 'serviceTask', 'after')}<userTask id="after"/>${flow('f3', 'after', 'end')}<endEvent id="end"/>`,
);

/** Camunda's shouldQueryByActivityIdWhereIncidentOccurred: the job's third task throws. */
const FAILING_LATER = process(
  'failingLater',
  `<startEvent id="start"/>${flow('f1', 'start', 'theTask')}
   <serviceTask id="theTask" camunda:asyncBefore="true" camunda:expression="\${true}"/>${flow('f2', 'theTask', 'theTask2')}
   <serviceTask id="theTask2" camunda:expression="\${true}"/>${flow('f3', 'theTask2', 'theTask3')}
   <serviceTask id="theTask3" camunda:expression="\${fail ? undefinedThing.call() : true}"/>${flow('f4', 'theTask3', 'end')}
   <endEvent id="end"/>`,
);

async function engineWith(...xml: string[]): Promise<ProcessEngine> {
  const engine = new ProcessEngine();
  await engine.deploy({
    name: 'test',
    resources: xml.map((content, i) => ({ name: `p${String(i)}.bpmn`, content })),
  });
  return engine;
}

function start(engine: ProcessEngine, key: string, fail = false): string {
  const definition = engine.latestDefinition(key);
  if (!definition) {
    throw new Error(`no ${key}`);
  }
  const variables: Record<string, TypedValue> = {
    fail: { type: 'Boolean', value: fail, valueInfo: {} },
  };
  return engine.startProcessInstance(definition.id, { variables }).id;
}

function completeOne(engine: ProcessEngine, processInstanceId: string, activityId: string): void {
  const task = [...engine.tasks()].find(
    (t) => t.processInstanceId === processInstanceId && t.taskDefinitionKey === activityId,
  );
  if (!task) {
    throw new Error(`no task ${activityId}`);
  }
  engine.completeTask(task.id, {});
}

function executeJobOf(engine: ProcessEngine, processInstanceId: string): void {
  const job = [...engine.jobs()].find((j) => j.processInstanceId === processInstanceId);
  if (!job) {
    throw new Error(`no job for ${processInstanceId}`);
  }
  try {
    engine.executeJob(job.id);
  } catch {
    // a failing job records its failure (retries, incident), as the job executor does
  }
}

const runtime = (engine: ProcessEngine, ...activityIdIn: string[]) =>
  findProcessInstances(engine, { activityIdIn })
    .map((pi) => pi.id)
    .sort();

const history = (engine: ProcessEngine, query: HistoricProcessInstanceQuery) =>
  findHistoricProcessInstances(engine, query)
    .map((pi) => pi.id)
    .sort();

describe('runtime activityIdIn: the activities executions are at', () => {
  it('matches leaf activities and a token waiting at a join, not a sub-process or a fork', async () => {
    const engine = await engineWith(FORK_JOIN_SUB);
    const running = start(engine, 'forkJoinSub');
    const waiting = start(engine, 'forkJoinSub');
    completeOne(engine, waiting, 'leaf');

    expect(runtime(engine, 'leaf')).toEqual([running]);
    expect(runtime(engine, 'inner')).toEqual([running, waiting].sort());
    expect(runtime(engine, 'join')).toEqual([waiting]);
    expect(runtime(engine, 'sub', 'fork')).toEqual([]);
  });

  it('matches the inner activity of a multi-instance body, never the body', async () => {
    const engine = await engineWith(MULTI_INSTANCE);
    const id = start(engine, 'multiInstance');

    expect(runtime(engine, 'review')).toEqual([id]);
    expect(runtime(engine, 'review#multiInstanceBody')).toEqual([]);

    completeOne(engine, id, 'review');
    completeOne(engine, id, 'review');
    expect(runtime(engine, 'miTask')).toEqual([id]);
    expect(runtime(engine, 'miSub', 'miSub#multiInstanceBody')).toEqual([]);
  });

  it('matches a multi-instance sub-process once one of its instances completed', async () => {
    const engine = await engineWith(MULTI_INSTANCE);
    const id = start(engine, 'multiInstance');
    completeOne(engine, id, 'review');
    completeOne(engine, id, 'review');
    completeOne(engine, id, 'miTask');

    // The completed instance's concurrent execution waits, inactive, at miSub until the body ends.
    expect(runtime(engine, 'miSub')).toEqual([id]);
    expect(runtime(engine, 'miTask')).toEqual([id]);
    completeOne(engine, id, 'miTask');
    expect(runtime(engine, 'miSub', 'miTask')).toEqual([]);
  });

  it('matches the activity inside an event sub-process, not the event sub-process', async () => {
    const engine = await engineWith(EVENT_SUB);
    const id = start(engine, 'eventSub');
    engine.correlateMessage({ messageName: 'ping', processInstanceId: id });

    expect(
      engine.activityInstanceTree(id)?.childActivityInstances.map((ai) => ai.activityId),
    ).toEqual(['work', 'onPing']);
    expect(runtime(engine, 'handle')).toEqual([id]);
    expect(runtime(engine, 'work')).toEqual([id]);
    expect(runtime(engine, 'onPing', 'pingStart')).toEqual([]);
  });

  it('matches an asyncBefore activity, a sub-process included, before its job runs', async () => {
    const engine = await engineWith(asyncModel('asyncBefore', 'camunda:asyncBefore="true"'));
    const beforeStart = start(engine, 'asyncBefore');
    const beforeSub = start(engine, 'asyncBefore');
    executeJobOf(engine, beforeSub);
    const beforeTask = start(engine, 'asyncBefore');
    executeJobOf(engine, beforeTask);
    executeJobOf(engine, beforeTask);
    const beforeEnd = start(engine, 'asyncBefore');
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, beforeEnd);
    }

    expect(runtime(engine, 'start')).toEqual([beforeStart]);
    expect(runtime(engine, 'subProcess')).toEqual([beforeSub]);
    expect(runtime(engine, 'task')).toEqual([beforeTask]);
    expect(runtime(engine, 'end')).toEqual([beforeEnd]);

    // History: an asyncBefore activity has no historic activity instance before its job runs.
    expect(history(engine, { activityIdIn: ['start'] })).toEqual([]);
    expect(history(engine, { activityIdIn: ['subProcess'] })).toEqual([beforeTask]);
    expect(history(engine, { activityIdIn: ['task'] })).toEqual([]);
    expect(history(engine, { activityIdIn: ['end'] })).toEqual([]);
  });

  it('matches an asyncAfter activity, a sub-process included, until its job runs', async () => {
    const engine = await engineWith(asyncModel('asyncAfter', 'camunda:asyncAfter="true"'));
    const afterStart = start(engine, 'asyncAfter');
    const afterTask = start(engine, 'asyncAfter');
    executeJobOf(engine, afterTask);
    const afterSub = start(engine, 'asyncAfter');
    executeJobOf(engine, afterSub);
    executeJobOf(engine, afterSub);
    const afterEnd = start(engine, 'asyncAfter');
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, afterEnd);
    }

    expect(runtime(engine, 'start')).toEqual([afterStart]);
    expect(runtime(engine, 'task')).toEqual([afterTask]);
    expect(runtime(engine, 'subProcess')).toEqual([afterSub]);
    expect(runtime(engine, 'end')).toEqual([afterEnd]);

    // History: the activity ended before the asyncAfter job; its sub-process still runs.
    expect(history(engine, { activityIdIn: ['start'] })).toEqual([]);
    expect(history(engine, { activityIdIn: ['task'] })).toEqual([]);
    expect(history(engine, { activityIdIn: ['subProcess'] })).toEqual([afterTask]);
    expect(history(engine, { activityIdIn: ['end'] })).toEqual([]);
    expect(history(engine, { executedActivityIdIn: ['task'] })).toEqual(
      [afterTask, afterSub, afterEnd].sort(),
    );
  });
});

describe('history activity filters: unfinished historic activity instances', () => {
  it('matches every unfinished activity instance, scopes and waiting joins included', async () => {
    const engine = await engineWith(FORK_JOIN_SUB);
    const running = start(engine, 'forkJoinSub');
    const waiting = start(engine, 'forkJoinSub');
    completeOne(engine, waiting, 'leaf');

    expect(history(engine, { activityIdIn: ['leaf'] })).toEqual([running]);
    expect(history(engine, { activityIdIn: ['join'] })).toEqual([waiting]);
    expect(history(engine, { activeActivityIdIn: ['join'] })).toEqual([waiting]);
    // Unlike the runtime query, a running sub-process is an unfinished activity instance.
    expect(history(engine, { activeActivityIdIn: ['sub'] })).toEqual([running, waiting].sort());
    expect(history(engine, { activeActivityIdIn: ['fork'] })).toEqual([]);
    expect(history(engine, { executedActivityIdIn: ['fork'] })).toEqual([running, waiting].sort());
    expect(history(engine, { executedActivityIdIn: ['leaf'] })).toEqual([waiting]);
  });

  it('matches the multi-instance body by its own id', async () => {
    const engine = await engineWith(MULTI_INSTANCE);
    const id = start(engine, 'multiInstance');

    expect(history(engine, { activeActivityIdIn: ['review#multiInstanceBody'] })).toEqual([id]);
    expect(history(engine, { activeActivityIdIn: ['review'] })).toEqual([id]);
    expect(history(engine, { activeActivityIdIn: ['miSub'] })).toEqual([]);
  });

  it('needs one historic activity instance to meet every activity filter at once', async () => {
    const engine = await engineWith(FORK_JOIN_SUB);
    const waiting = start(engine, 'forkJoinSub');
    completeOne(engine, waiting, 'leaf');

    // HistoricProcessInstance.xml joins ACT_HI_ACTINST once: the same row must be unfinished
    // and finished, which none is.
    expect(
      history(engine, { activeActivityIdIn: ['inner'], executedActivityIdIn: ['leaf'] }),
    ).toEqual([]);
    expect(history(engine, { activeActivityIdIn: ['inner'], activityIdIn: ['inner'] })).toEqual([
      waiting,
    ]);
    expect(history(engine, { activeActivityIdIn: ['inner'], activityIdIn: ['join'] })).toEqual([]);
  });

  it('matches a failing activity by its incident in activityIdIn only', async () => {
    const engine = await engineWith(FAILING);
    const failing = start(engine, 'failing', true);
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, failing);
    }
    const fine = start(engine, 'failing');

    expect([...engine.incidents()].map((incident) => incident.processInstanceId)).toEqual([
      failing,
    ]);
    expect(history(engine, { activityIdIn: ['serviceTask'] })).toEqual([failing]);
    expect(history(engine, { activeActivityIdIn: ['serviceTask'] })).toEqual([]);
    expect(history(engine, { withIncidents: true })).toEqual([failing]);
    expect(runtime(engine, 'serviceTask')).toEqual([failing, fine].sort());
  });

  it('matches the activity of the failing job, not the activity that threw', async () => {
    const engine = await engineWith(FAILING_LATER);
    const failing = start(engine, 'failingLater', true);
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, failing);
    }

    expect(history(engine, { activityIdIn: ['theTask'] })).toEqual([failing]);
    expect(history(engine, { activityIdIn: ['theTask3'] })).toEqual([]);
  });

  it('keeps matching an activity whose incident was resolved (ACT_HI_INCIDENT stays)', async () => {
    const engine = await engineWith(FAILING);
    const failing = start(engine, 'failing', true);
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, failing);
    }
    engine.setProcessVariables(
      failing,
      { fail: { type: 'Boolean', value: false, valueInfo: {} } },
      [],
    );
    const job = [...engine.jobs()].find((j) => j.processInstanceId === failing);
    engine.setJobRetries(job?.id ?? '', 1);
    executeJobOf(engine, failing);

    expect([...engine.incidents()]).toEqual([]);
    expect(runtime(engine, 'after')).toEqual([failing]);
    expect(history(engine, { activityIdIn: ['serviceTask'] })).toEqual([failing]);
    expect(history(engine, { withIncidents: true })).toEqual([failing]);
  });

  it('below history level full there are no historic incidents to match', async () => {
    const engine = new ProcessEngine({ historyLevel: 'audit' });
    await engine.deploy({ name: 'test', resources: [{ name: 'f.bpmn', content: FAILING }] });
    const failing = start(engine, 'failing', true);
    for (let i = 0; i < 3; i++) {
      executeJobOf(engine, failing);
    }

    expect([...engine.incidents()].map((incident) => incident.processInstanceId)).toEqual([
      failing,
    ]);
    expect(history(engine, { activityIdIn: ['serviceTask'] })).toEqual([]);
    expect(history(engine, { withIncidents: true })).toEqual([]);
  });
});
