import { describe, expect, it } from 'vitest';
import { readableEngine } from '../authorization/readable-engine';
import type { CommandChecker } from '../authorization/command-checker';
import type { EngineApi } from '../engine-api';
import { ProcessEngine } from '../process-engine';
import type { ProcessInstanceQuery } from './process-instance-query';
import {
  countProcessInstances,
  findProcessInstances,
  matchesProcessInstance,
  processInstanceSortKeys,
} from './process-instance-query';
import type { Paging, Sorting } from './query-support';
import { page, sortRecords } from './query-support';

const process = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/**
 * Ids in no particular order, of several lengths and cases, so that code unit order differs from
 * the order of creation and from a numeric or case-blind one.
 */
function scrambledIds(): () => string {
  let next = 0;
  const prefixes = ['b', 'A', 'a', 'B', '1'];
  return () => {
    next++;
    return `${prefixes[next % prefixes.length] ?? ''}${String((next * 7919) % 100_003)}`;
  };
}

async function mixedEngine() {
  const engine = new ProcessEngine({ idGenerator: scrambledIds() });
  const deploy = async (key: string, tenantId: string | null) => {
    const { definitions } = await engine.deploy({
      name: key,
      tenantId,
      resources: [{ name: `${key}.bpmn`, content: process(key) }],
    });
    return definitions[0]?.id ?? '';
  };
  const definitions = [
    await deploy('orders', null),
    await deploy('orders', null),
    await deploy('orders', 'tenant-b'),
    await deploy('refunds', 'tenant-a'),
  ];
  const ids: string[] = [];
  const start = (index: number) => {
    const definition = definitions[index % definitions.length] ?? '';
    const businessKey = index % 3 === 0 ? null : `Key-${String(index % 7)}`;
    ids.push(engine.startProcessInstance(definition, { businessKey }).id);
  };
  for (let index = 0; index < 60; index++) {
    start(index);
  }
  return { engine, definitions, ids, start };
}

/** What the lists answered before there was an index: every instance filtered, sorted, paged. */
function plainFind(
  engine: EngineApi,
  query: ProcessInstanceQuery,
  sortings: readonly Sorting[],
  paging: Paging,
) {
  const matching = [...engine.instances()].filter((pi) =>
    matchesProcessInstance(engine, pi, query),
  );
  return page(sortRecords(matching, sortings, processInstanceSortKeys(engine)), paging);
}

const SORTINGS: Sorting[][] = [
  [{ sortBy: 'instanceId', sortOrder: 'asc' }],
  [{ sortBy: 'instanceId', sortOrder: 'desc' }],
  [
    { sortBy: 'instanceId', sortOrder: 'asc' },
    { sortBy: 'businessKey', sortOrder: 'desc' },
  ],
  [],
  [
    { sortBy: 'businessKey', sortOrder: 'asc' },
    { sortBy: 'instanceId', sortOrder: 'desc' },
  ],
  [{ sortBy: 'definitionKey', sortOrder: 'desc' }],
  [{ sortBy: 'tenantId', sortOrder: 'asc' }],
];
const PAGINGS: Paging[] = [
  {},
  { firstResult: 0, maxResults: 7 },
  { firstResult: 13, maxResults: 10 },
  { firstResult: 40 },
  { firstResult: 55, maxResults: 50 },
  { firstResult: 500, maxResults: 5 },
  { maxResults: 0 },
];

function expectSameAsPlain(engine: EngineApi, queries: ProcessInstanceQuery[]) {
  for (const query of queries) {
    for (const sortings of SORTINGS) {
      const all = plainFind(engine, query, sortings, {});
      expect(countProcessInstances(engine, query, sortings)).toBe(all.length);
      for (const paging of PAGINGS) {
        const found = findProcessInstances(engine, query, sortings, paging).map((pi) => pi.id);
        expect(found, JSON.stringify({ query, sortings, paging })).toEqual(
          plainFind(engine, query, sortings, paging).map((pi) => pi.id),
        );
      }
    }
  }
}

describe('findProcessInstances and countProcessInstances: the same as a plain filter and sort', () => {
  it('over several definitions, tenants, business keys and suspended instances, after changes', async () => {
    const { engine, definitions, ids, start } = await mixedEngine();
    const [first = '', second = '', , refunds = ''] = definitions;
    const queries: ProcessInstanceQuery[] = [
      {},
      { processDefinitionId: first },
      { processDefinitionId: second },
      { processDefinitionId: refunds },
      { processDefinitionId: 'unknown:1:x' },
      { processDefinitionId: first, active: true },
      { processDefinitionId: second, suspended: true },
      { processDefinitionKey: 'orders' },
      { businessKey: 'Key-2' },
      { tenantIdIn: ['tenant-a', 'tenant-b'] },
      { withoutTenantId: true },
      { processInstanceIds: ids.slice(5, 15), processDefinitionId: first },
    ];
    expectSameAsPlain(engine, queries);

    for (const id of ids.filter((_, index) => index % 4 === 1)) {
      engine.setProcessInstanceSuspended(id, true);
    }
    for (const id of ids.filter((_, index) => index % 5 === 2)) {
      engine.deleteProcessInstance(id, {});
    }
    for (let index = 60; index < 90; index++) {
      start(index);
    }
    expectSameAsPlain(engine, queries);

    for (const id of ids.filter((_, index) => index % 5 !== 2 && index % 6 === 0)) {
      engine.deleteProcessInstance(id, {});
    }
    expectSameAsPlain(engine, queries);
  });

  it('pages a view without the index (a user with READ on some instances) as before', async () => {
    const { engine, definitions, ids } = await mixedEngine();
    const readable = new Set(ids.filter((_, index) => index % 3 !== 1));
    const checker = {
      isActive: true,
      canReadProcessInstance: (id: string | null) => id !== null && readable.has(id),
      canReadProcessDefinition: () => true,
    } as unknown as CommandChecker;
    const view = readableEngine(engine, checker);
    const query = { processDefinitionId: definitions[1] ?? '' };
    const sortings = SORTINGS[1] ?? [];
    expect(view.instanceIdsInOrder()).toBeNull();
    const visible = (pi: { id: string }) => readable.has(pi.id);
    for (const paging of PAGINGS) {
      expect(findProcessInstances(view, query, sortings, paging)).toEqual(
        findProcessInstances(engine, query, sortings, paging, visible),
      );
    }
    expect(countProcessInstances(view, query, sortings)).toBe(
      countProcessInstances(engine, query, sortings, visible),
    );
  });
});
