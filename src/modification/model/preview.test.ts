import { describe, expect, it } from 'vitest';

import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import {
  ORDER_XML,
  PROCESS_DEFINITION_ID,
  PROCESS_DEFINITION_KEY,
  activityInstance,
  processTree,
  runningOrderTree,
} from '../testing/modification-fixtures';
import { EMPTY_PLAN } from './instruction';
import type { ModificationInstruction } from './instruction';
import { runPreview } from './preview';
import { toModificationDto } from './to-modification-dto';

function previewBody(
  body: ProcessInstanceModificationDto,
  tree = runningOrderTree(),
  variables: readonly VariableInstanceDto[] = [],
) {
  return runPreview({
    xml: ORDER_XML,
    processDefinitionId: PROCESS_DEFINITION_ID,
    processDefinitionKey: PROCESS_DEFINITION_KEY,
    tree,
    variables,
    body,
  });
}

/** The preview of the body the review dialog would send for these instructions. */
function preview(instructions: ModificationInstruction[], tree = runningOrderTree()) {
  return previewBody(toModificationDto({ ...EMPTY_PLAN, instructions }), tree);
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
    expect(result).toEqual({
      ok: true,
      ended: true,
      state: 'EXTERNALLY_TERMINATED',
      warnings: [{ kind: 'instanceEnds', state: 'EXTERNALLY_TERMINATED' }],
    });
  });

  it('warns about a join that the remaining tokens cannot complete', async () => {
    const result = await preview([{ type: 'cancel', activityId: 'ship' }]);
    expect(result).toMatchObject({
      ok: true,
      ended: false,
      warnings: [
        { kind: 'joinWaitsForever', joinId: 'join', waiting: 0, unreachableFlowIds: ['yes', 'f9'] },
      ],
    });
  });

  it('answers a body the server would refuse as the server answers it', async () => {
    const result = await previewBody({
      instructions: [
        {
          type: 'startBeforeActivity',
          activityId: 'escalate',
          variables: { attempts: { value: 'many', type: 'Integer' } },
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        status: 400,
        type: 'InvalidRequestException',
        message: "Cannot convert value 'many' of type 'Integer' to java type java.lang.Integer",
      },
    });
  });

  it('reads the variables as the REST API reports them: the condition at Paid? sees paid', async () => {
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
      activityInstanceId: 'pi-1',
      valueInfo: {},
    };
    // `paid` decides at the exclusive gateway after Ship order.
    const paid = { ...base, name: 'paid', type: 'Boolean' as const, value: true };
    const result = await previewBody(
      toModificationDto({
        ...EMPTY_PLAN,
        instructions: [{ type: 'startAfterActivity', activityId: 'ship' }],
      }),
      runningOrderTree(),
      [paid],
    );
    expect(result.ok && !result.ended ? shape(result.tree) : result).toBe(
      'root[join, ship, sub[pick]]',
    );
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
