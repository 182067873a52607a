import { describe, expect, it } from 'vitest';

import type { ActivityInstanceDto, VariableInstanceDto } from '../../../api/camunda-dto';
import {
  ORDER_XML,
  PROCESS_DEFINITION_ID,
  PROCESS_DEFINITION_KEY,
  activityInstance,
  processTree,
  runningOrderTree,
} from '../testing/modification-fixtures';
import { EMPTY_PLAN } from './modification-plan';
import type { ModificationInstruction } from './modification-plan';
import { runPreview, toEngineInstruction, toPreviewVariables } from './preview';

function preview(instructions: ModificationInstruction[], tree = runningOrderTree()) {
  return runPreview({
    xml: ORDER_XML,
    processDefinitionId: PROCESS_DEFINITION_ID,
    processDefinitionKey: PROCESS_DEFINITION_KEY,
    tree,
    variables: [],
    plan: { ...EMPTY_PLAN, instructions },
  });
}

function shape(tree: ActivityInstanceDto): string {
  const children = tree.childActivityInstances.map(shape).sort();
  const name = tree.parentActivityInstanceId === null ? 'root' : tree.activityId;
  return children.length > 0 ? `${name}[${children.join(', ')}]` : name;
}

describe('runPreview (the engine, in the browser)', () => {
  it('predicts the tree after a move', async () => {
    const result = await preview([
      { type: 'cancel', activityId: 'ship' },
      { type: 'startBeforeActivity', activityId: 'escalate' },
    ]);
    expect(result.ok && !result.ended ? shape(result.tree) : result).toBe(
      'root[escalate, sub[pick]]',
    );
  });

  it('predicts the end of the instance', async () => {
    const result = await preview([
      { type: 'cancel', activityId: 'ship' },
      { type: 'cancel', activityId: 'pick' },
    ]);
    expect(result).toEqual({ ok: true, ended: true, state: 'EXTERNALLY_TERMINATED' });
  });

  it.each<[string, ModificationInstruction[], ActivityInstanceDto, object]>([
    [
      'start after with several flows',
      [{ type: 'startAfterActivity', activityId: 'decide' }],
      runningOrderTree(),
      {
        status: 500,
        message:
          'Cannot start after activity decide; activity has more than one outgoing sequence flow',
      },
    ],
    [
      'a cancel of something already gone',
      [
        { type: 'cancel', activityInstanceId: 'ship:1' },
        { type: 'cancel', activityInstanceId: 'ship:1' },
      ],
      runningOrderTree(),
      { status: 400, type: 'NotValidException' },
    ],
    [
      'an ambiguous ancestor',
      [{ type: 'startBeforeActivity', activityId: 'pick' }],
      processTree(
        activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
        activityInstance('sub:2', 'sub', activityInstance('pick:2', 'pick')),
      ),
      {
        status: 500,
        message: 'Ancestor activity execution is ambiguous for activity Activity(sub)',
      },
    ],
  ])('predicts the error for %s', async (_name, instructions, tree, error) => {
    const result = await preview(instructions, tree);
    expect(result).toMatchObject({ ok: false, error });
  });
});

describe('conversions for the engine', () => {
  it('gives variables as typed values with dates in epoch ms', () => {
    expect(
      toEngineInstruction({
        type: 'startBeforeActivity',
        activityId: 'ship',
        variables: [
          { name: 'due', type: 'Date', value: '2024-05-01T10:00:00Z', local: true },
          { name: 'n', type: 'Integer', value: 1, local: false },
        ],
      }),
    ).toEqual({
      type: 'startBeforeActivity',
      activityId: 'ship',
      ancestorActivityInstanceId: null,
      variables: {
        due: {
          value: { type: 'Date', value: Date.UTC(2024, 4, 1, 10), valueInfo: {} },
          local: true,
        },
        n: { value: { type: 'Integer', value: 1, valueInfo: {} }, local: false },
      },
    });
  });

  it('reads variable instances, dates and JSON objects included', () => {
    const base = {
      id: 'v',
      processDefinitionId: null,
      processInstanceId: 'pi-1',
      executionId: null,
      caseInstanceId: null,
      caseExecutionId: null,
      taskId: null,
      batchId: null,
      errorMessage: null,
      tenantId: null,
    };
    const variables: VariableInstanceDto[] = [
      {
        ...base,
        name: 'due',
        type: 'Date',
        value: '2013-01-23T14:42:45.000+0200',
        valueInfo: {},
        activityInstanceId: 'pi-1',
      },
      {
        ...base,
        name: 'order',
        type: 'Object',
        value: '{"id":7}',
        valueInfo: { serializationDataFormat: 'application/json', objectTypeName: 'Order' },
        activityInstanceId: 'sub:1',
      },
      {
        ...base,
        name: 'blob',
        type: 'Bytes',
        value: null,
        valueInfo: {},
        activityInstanceId: 'pi-1',
      },
    ];
    expect(toPreviewVariables(variables)).toEqual([
      {
        name: 'due',
        activityInstanceId: 'pi-1',
        value: { type: 'Date', value: Date.UTC(2013, 0, 23, 12, 42, 45), valueInfo: {} },
      },
      {
        name: 'order',
        activityInstanceId: 'sub:1',
        value: {
          type: 'Object',
          value: { id: 7 },
          valueInfo: { serializationDataFormat: 'application/json', objectTypeName: 'Order' },
        },
      },
    ]);
  });
});
