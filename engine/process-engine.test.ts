import { describe, expect, it } from 'vitest';
import type { ActivityInstanceTree } from './engine-api';
import { ProcessEngine } from './process-engine';

const NS = `xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test"`;

const process = (id: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}><process id="${id}" isExecutable="true">${body}</process></definitions>`;

const flow = (id: string, from: string, to: string, condition?: string): string =>
  condition
    ? `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression>${condition}</conditionExpression></sequenceFlow>`
    : `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

/** start → subProcess(start → inner → end) ∥ outer → join → end */
const NESTED = process(
  'nested',
  `<startEvent id="start"/>${flow('f1', 'start', 'fork')}
   <parallelGateway id="fork"/>${flow('f2', 'fork', 'sub')}${flow('f3', 'fork', 'outer')}
   <subProcess id="sub"><startEvent id="subStart"/>${flow('s1', 'subStart', 'inner')}
     <userTask id="inner"/>${flow('s2', 'inner', 'subEnd')}<endEvent id="subEnd"/></subProcess>
   <userTask id="outer"/>${flow('f4', 'sub', 'join')}${flow('f5', 'outer', 'join')}
   <parallelGateway id="join"/>${flow('f6', 'join', 'end')}<endEvent id="end"/>`,
);

const ASYNC = process(
  'async',
  `<startEvent id="start"/>${flow('f1', 'start', 'task')}
   <serviceTask id="task" camunda:asyncBefore="true" camunda:expression="\${failing ? undefinedThing : 'ok'}"/>
   ${flow('f2', 'task', 'wait')}<userTask id="wait"/>${flow('f3', 'wait', 'end')}<endEvent id="end"/>`,
);

const MI = process(
  'mi',
  `<startEvent id="start"/>${flow('f1', 'start', 'review')}
   <userTask id="review"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
   ${flow('f2', 'review', 'end')}<endEvent id="end"/>`,
);

function shape(tree: ActivityInstanceTree): string {
  const children = [
    ...tree.childActivityInstances.map(shape),
    ...tree.childTransitionInstances.map((t) => `~${t.activityId}`),
  ].sort();
  const name = tree.parentActivityInstanceId === null ? 'root' : tree.activityId;
  return children.length > 0 ? `${name}[${children.join(', ')}]` : name;
}

async function engineWith(...xml: string[]): Promise<ProcessEngine> {
  const engine = new ProcessEngine();
  await engine.deploy({
    name: 'test',
    resources: xml.map((content, i) => ({ name: `p${String(i)}.bpmn`, content })),
  });
  return engine;
}

function start(engine: ProcessEngine, key: string, variables = {}): string {
  const definition = engine.latestDefinition(key);
  if (!definition) {
    throw new Error(`no ${key}`);
  }
  return engine.startProcessInstance(definition.id, { variables }).id;
}

function tree(engine: ProcessEngine, id: string): string {
  const t = engine.activityInstanceTree(id);
  return t ? shape(t) : 'ended';
}

function completeAll(engine: ProcessEngine, key: string): void {
  for (const task of [...engine.tasks()].filter((t) => t.taskDefinitionKey === key)) {
    engine.completeTask(task.id, {});
  }
}

describe('execution', () => {
  it('runs parallel branches with an embedded subprocess to the end', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    expect(tree(engine, id)).toBe('root[outer, sub[inner]]');
    completeAll(engine, 'inner');
    expect(tree(engine, id)).toBe('root[join, outer]');
    completeAll(engine, 'outer');
    expect(tree(engine, id)).toBe('ended');
    expect(engine.historicProcessInstance(id)?.state).toBe('COMPLETED');
  });

  it('creates a parallel multi-instance body with counters', async () => {
    const engine = await engineWith(MI);
    const id = start(engine, 'mi');
    expect(tree(engine, id)).toBe('root[review#multiInstanceBody[review, review, review]]');
    const [task] = [...engine.tasks()];
    expect(engine.taskVariables(task?.id ?? '')?.['nrOfInstances']?.value.value).toBe(3);
    completeAll(engine, 'review');
    expect(tree(engine, id)).toBe('ended');
  });

  it('keeps an async continuation as a transition instance and records failures', async () => {
    const engine = await engineWith(ASYNC);
    const id = start(engine, 'async', { failing: { type: 'Boolean', value: true, valueInfo: {} } });
    expect(tree(engine, id)).toBe('root[~task]');
    const [job] = [...engine.jobs()];
    expect(() => {
      engine.executeJob(job?.id ?? '');
    }).toThrow(/Cannot resolve identifier 'undefinedThing'/);
    expect(engine.job(job?.id ?? '')?.retries).toBe(2);
    expect(tree(engine, id)).toBe('root[~task]');
  });

  it('raises an incident when the last retry fails', async () => {
    const engine = await engineWith(ASYNC);
    const id = start(engine, 'async', { failing: { type: 'Boolean', value: true, valueInfo: {} } });
    const jobId = [...engine.jobs()][0]?.id ?? '';
    for (let i = 0; i < 3; i++) {
      expect(() => {
        engine.executeJob(jobId);
      }).toThrow();
    }
    const incidents = [...engine.incidents()];
    expect(incidents).toHaveLength(1);
    expect(engine.activityInstanceTree(id)?.childTransitionInstances[0]?.incidentIds).toEqual([
      incidents[0]?.id,
    ]);
    engine.setJobRetries(jobId, 1);
    expect([...engine.incidents()]).toHaveLength(0);
  });

  it('raises no second incident when a job without retries is executed by hand and fails', async () => {
    const engine = await engineWith(ASYNC);
    start(engine, 'async', { failing: { type: 'Boolean', value: true, valueInfo: {} } });
    const jobId = [...engine.jobs()][0]?.id ?? '';
    for (let i = 0; i < 4; i++) {
      expect(() => {
        engine.executeJob(jobId);
      }).toThrow();
    }
    expect(engine.job(jobId)?.retries).toBe(0);
    expect([...engine.incidents()]).toHaveLength(1);
  });
});

describe('modification', () => {
  it('cancels the last token of a subprocess by cancelling the subprocess', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    engine.modifyProcessInstance(id, [{ type: 'cancel', activityId: 'inner' }], {});
    expect(tree(engine, id)).toBe('root[outer]');
  });

  it('ends the instance as externally terminated when everything is cancelled', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    engine.modifyProcessInstance(
      id,
      [
        { type: 'cancel', activityId: 'inner' },
        { type: 'cancel', activityId: 'outer' },
      ],
      {},
    );
    expect(tree(engine, id)).toBe('ended');
    expect(engine.historicProcessInstance(id)?.state).toBe('EXTERNALLY_TERMINATED');
  });

  it('keeps the instance alive between instructions (cancel then start)', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    engine.modifyProcessInstance(
      id,
      [
        { type: 'cancel', activityId: 'inner' },
        { type: 'cancel', activityId: 'outer' },
        { type: 'startBeforeActivity', activityId: 'inner' },
      ],
      {},
    );
    expect(tree(engine, id)).toBe('root[sub[inner]]');
  });

  it('changes nothing when an instruction fails', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    expect(() => {
      engine.modifyProcessInstance(
        id,
        [
          { type: 'cancel', activityId: 'outer' },
          { type: 'startBeforeActivity', activityId: 'nope' },
        ],
        {},
      );
    }).toThrow(/Element 'nope' does not exist in process/);
    expect(tree(engine, id)).toBe('root[outer, sub[inner]]');
  });

  it('refuses an ambiguous ancestor and accepts an explicit one', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    engine.modifyProcessInstance(id, [{ type: 'startBeforeActivity', activityId: 'sub' }], {});
    expect(() => {
      engine.modifyProcessInstance(id, [{ type: 'startBeforeActivity', activityId: 'inner' }], {});
    }).toThrow('Ancestor activity execution is ambiguous for activity Activity(sub)');
    const subId = engine
      .activityInstanceTree(id)
      ?.childActivityInstances.find((c) => c.activityId === 'sub')?.id;
    engine.modifyProcessInstance(
      id,
      [
        {
          type: 'startBeforeActivity',
          activityId: 'inner',
          ancestorActivityInstanceId: subId ?? null,
        },
      ],
      {},
    );
    expect(tree(engine, id)).toBe('root[outer, sub[inner, inner], sub[inner]]');
  });

  it('starts on a sequence flow and sets local and non-local variables', async () => {
    const engine = await engineWith(NESTED);
    const id = start(engine, 'nested');
    engine.modifyProcessInstance(
      id,
      [
        {
          type: 'startTransition',
          transitionId: 'f3',
          variables: {
            local: { value: { type: 'String', value: 'mine', valueInfo: {} }, local: true },
            shared: { value: { type: 'Integer', value: 7, valueInfo: {} }, local: false },
          },
        },
      ],
      {},
    );
    expect(tree(engine, id)).toBe('root[outer, outer, sub[inner]]');
    expect(engine.processVariables(id)?.['shared']?.value.value).toBe(7);
    expect(engine.processVariables(id)?.['local']).toBeUndefined();
    const withLocal = [...engine.tasks()].filter(
      (t) => engine.taskVariables(t.id)?.['local'] !== undefined,
    );
    expect(withLocal.map((t) => t.taskDefinitionKey)).toEqual(['outer']);
  });

  it('adds one inner instance to an existing parallel body', async () => {
    const engine = await engineWith(MI);
    const id = start(engine, 'mi');
    engine.modifyProcessInstance(id, [{ type: 'startBeforeActivity', activityId: 'review' }], {});
    expect(tree(engine, id)).toBe('root[review#multiInstanceBody[review, review, review, review]]');
    const counters = [...engine.tasks()].map(
      (t) => engine.taskVariables(t.id)?.['loopCounter']?.value.value,
    );
    expect(counters.sort()).toEqual([0, 1, 2, 3]);
  });
});
