import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../process-engine';
import type { TypedValue } from '../variables';
import type { HistoricProcessInstanceQuery } from './history-query';
import { findHistoricProcessInstances } from './history-query';
import type { VariableCondition } from './variable-condition';
import { variableCondition } from './variable-condition';

/** start → userTask task1 → userTask task2 → end. */
const TWO_TASKS = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="twoTasks" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="flow1" sourceRef="start" targetRef="task1" />
    <userTask id="task1" />
    <sequenceFlow id="flow2" sourceRef="task1" targetRef="task2" />
    <userTask id="task2" />
    <sequenceFlow id="flow3" sourceRef="task2" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

async function twoTaskEngine(): Promise<{ engine: ProcessEngine; start: StartFn }> {
  const engine = new ProcessEngine();
  await engine.deploy({ name: 'test', resources: [{ name: 'p.bpmn', content: TWO_TASKS }] });
  const definition = engine.latestDefinition('twoTasks');
  if (!definition) {
    throw new Error('not deployed');
  }
  const start: StartFn = (variables) =>
    engine.startProcessInstance(definition.id, { variables }).id;
  return { engine, start };
}

type StartFn = (variables: Record<string, TypedValue>) => string;

function completeTask1(engine: ProcessEngine, processInstanceId: string): void {
  const task = [...engine.tasks()].find(
    (t) => t.processInstanceId === processInstanceId && t.taskDefinitionKey === 'task1',
  );
  if (!task) {
    throw new Error('no task1');
  }
  engine.completeTask(task.id, {});
}

const ids = (engine: ProcessEngine, query: HistoricProcessInstanceQuery) =>
  findHistoricProcessInstances(engine, query).map((pi) => pi.id);

const text = (name: string, operator: VariableCondition['operator'], value: string) =>
  variableCondition(name, operator, { type: 'string', value });

describe('findHistoricProcessInstances: activity filters', () => {
  it('tells active from executed activities by the historic activity instances', async () => {
    const { engine, start } = await twoTaskEngine();
    const atTask1 = start({});
    const atTask2 = start({});
    completeTask1(engine, atTask2);

    expect(ids(engine, { activeActivityIdIn: ['task1'] })).toEqual([atTask1]);
    expect(ids(engine, { activeActivityIdIn: ['task2'] })).toEqual([atTask2]);
    expect(ids(engine, { activeActivityIdIn: ['task1', 'task2'] }).sort()).toEqual(
      [atTask1, atTask2].sort(),
    );
    expect(ids(engine, { executedActivityIdIn: ['task1'] })).toEqual([atTask2]);
    expect(ids(engine, { activityIdIn: ['task2'] })).toEqual([atTask2]);
    expect(ids(engine, { activeActivityIdIn: ['end'] })).toEqual([]);
  });
});

describe('findHistoricProcessInstances: variables', () => {
  it('matches the historic variable instances with the runtime operators', async () => {
    const { engine, start } = await twoTaskEngine();
    const big = start({
      amount: { type: 'Integer', value: 500, valueInfo: {} },
      status: { type: 'String', value: 'Open', valueInfo: {} },
    });
    const small = start({ amount: { type: 'Integer', value: 50, valueInfo: {} } });
    const amountAbove = (value: number): VariableCondition =>
      variableCondition('amount', 'gt', { type: 'number', value });

    expect(ids(engine, { variables: [amountAbove(100)] })).toEqual([big]);
    expect(ids(engine, { variables: [text('amount', 'eq', '500')] })).toEqual([]);
    expect(ids(engine, { variables: [amountAbove(10)] }).sort()).toEqual([big, small].sort());
    expect(ids(engine, { variables: [amountAbove(10), text('status', 'like', 'Op%')] })).toEqual([
      big,
    ]);
    expect(ids(engine, { variables: [text('status', 'eq', 'open')] })).toEqual([]);
    expect(
      ids(engine, { variables: [text('STATUS', 'eq', 'open')], variableValuesIgnoreCase: true }),
    ).toEqual([]);
    expect(
      ids(engine, {
        variables: [text('STATUS', 'eq', 'open')],
        variableNamesIgnoreCase: true,
        variableValuesIgnoreCase: true,
      }),
    ).toEqual([big]);

    // Historic variable instances outlive their process instance.
    completeTask1(engine, big);
    const task2 = [...engine.tasks()].find((t) => t.processInstanceId === big);
    engine.completeTask(task2?.id ?? '', {});
    expect(engine.instance(big)).toBeUndefined();
    expect(ids(engine, { variables: [amountAbove(100)] })).toEqual([big]);
  });
});
