import { describe, expect, it } from 'vitest';
import type { EngineApi } from '../engine-api';
import { ProcessEngine } from '../process-engine';
import type { TypedValue } from '../variables';
import type { ProcessInstanceQuery } from './process-instance-query';
import { findProcessInstances } from './process-instance-query';
import type { Sorting } from './query-support';
import { variableCondition } from './variable-condition';

const TWO_TASKS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="twoTasks" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task1"/>
    <userTask id="task1"/><sequenceFlow id="f2" sourceRef="task1" targetRef="task2"/>
    <userTask id="task2"/><sequenceFlow id="f3" sourceRef="task2" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const BY_ID: Sorting[] = [{ sortBy: 'instanceId', sortOrder: 'asc' }];
const text = (value: string): TypedValue => ({ type: 'String', value, valueInfo: {} });

async function engineWithInstances(count: number) {
  let id = 0;
  const engine = new ProcessEngine({ idGenerator: () => `id-${String(++id).padStart(4, '0')}` });
  await engine.deploy({ name: 'test', resources: [{ name: 'p.bpmn', content: TWO_TASKS }] });
  const definitionId = engine.latestDefinition('twoTasks')?.id ?? '';
  const start = () => engine.startProcessInstance(definitionId, {}).id;
  const ids = Array.from({ length: count }, start);
  return { engine, start, ids };
}

/** The engine, counting how often a query reads all its instances or looks one up. */
function countingReads(engine: ProcessEngine) {
  let reads = 0;
  let lookups = 0;
  const view = Object.create(engine) as EngineApi;
  view.instances = () => {
    reads++;
    return engine.instances();
  };
  view.instance = (id) => {
    lookups++;
    return engine.instance(id);
  };
  return { view, reads: () => reads, lookups: () => lookups };
}

describe('findProcessInstances: paging', () => {
  it('pages a list sorted by id by looking up the page only', async () => {
    const { engine, ids } = await engineWithInstances(5);
    const { view, reads, lookups } = countingReads(engine);
    const sortedIds = [...ids].sort();
    const pageIds = (firstResult: number) =>
      findProcessInstances(view, {}, BY_ID, { firstResult, maxResults: 2 }).map((pi) => pi.id);

    expect(pageIds(2)).toEqual(sortedIds.slice(2, 4));
    expect(pageIds(4)).toEqual(sortedIds.slice(4));
    expect(reads()).toBe(0);
    expect(lookups()).toBe(3);
  });

  it('filters the instances once while none changes, and again after each change', async () => {
    const { engine, start, ids } = await engineWithInstances(5);
    const { view, reads } = countingReads(engine);
    const pageIds = (query: ProcessInstanceQuery, firstResult: number) =>
      findProcessInstances(view, query, [], { firstResult, maxResults: 2 }).map((pi) => pi.id);

    expect(pageIds({}, 0)).toEqual(ids.slice(0, 2));
    expect(pageIds({}, 2)).toEqual(ids.slice(2, 4));
    expect(pageIds({}, 4)).toEqual(ids.slice(4));
    expect(reads()).toBe(1);

    const started = start();
    expect(pageIds({}, 4)).toEqual([ids[4], started]);
    expect(reads()).toBe(2);

    const [first = '', second = ''] = ids;
    engine.setProcessInstanceSuspended(first, true);
    expect(pageIds({ suspended: true }, 0)).toEqual([first]);

    const condition = variableCondition('state', 'eq', { type: 'string', value: 'late' });
    expect(pageIds({ variables: [condition] }, 0)).toEqual([]);
    engine.setProcessVariables(second, { state: text('late') }, []);
    expect(pageIds({ variables: [condition] }, 0)).toEqual([second]);

    engine.deleteProcessInstance(first, {});
    expect(pageIds({}, 0)).toEqual(ids.slice(1, 3));
    expect(reads()).toBe(6);
  });

  it('pages over the instances `visible` accepts, as an authorization check in the query', async () => {
    const { engine, ids } = await engineWithInstances(6);
    const readable = new Set(ids.filter((_, index) => index % 2 === 1));
    const visible = (pi: { id: string }) => readable.has(pi.id);
    const page = (firstResult: number, maxResults?: number) =>
      findProcessInstances(engine, {}, BY_ID, { firstResult, maxResults }, visible).map(
        (pi) => pi.id,
      );

    expect(page(0, 2)).toEqual([ids[1], ids[3]]);
    expect(page(1, 2)).toEqual([ids[3], ids[5]]);
    expect(page(2)).toEqual([ids[5]]);
    expect(page(3, 2)).toEqual([]);
    expect(findProcessInstances(engine, {}, [], {}, visible)).toHaveLength(3);
  });
});
