import { describe, expect, it } from 'vitest';
import { InvalidRequestDtoException } from '../errors';
import type { InstructionDtoInput, InstructionTarget } from './modification-request';
import { toModificationInstructions, toProcessInstanceModification } from './modification-request';

function messageOf(dtos: InstructionDtoInput[], target: InstructionTarget): string {
  try {
    toModificationInstructions(dtos, target);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestDtoException);
    return (error as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('toModificationInstructions', () => {
  it.each([
    [
      { type: 'startBeforeActivity' },
      "For instruction type 'startBeforeActivity': 'activityId' must be set",
    ],
    [
      { type: 'startAfterActivity' },
      "For instruction type 'startAfterActivity': 'activityId' must be set",
    ],
    [
      { type: 'startTransition' },
      "For instruction type 'startTransition': 'transitionId' must be set",
    ],
    [
      { type: 'cancel' },
      "For instruction type 'cancel': exactly one, 'activityId', 'activityInstanceId', or 'transitionInstanceId', is required",
    ],
    [
      { type: 'cancel', activityId: 'a', activityInstanceId: 'b' },
      "For instruction type 'cancel': exactly one, 'activityId', 'activityInstanceId', or 'transitionInstanceId', is required",
    ],
  ] as [InstructionDtoInput, string][])('single instance: %j', (dto, message) => {
    expect(messageOf([dto], 'processInstance')).toBe(message);
  });

  it('requires activityId for a cancel on /modification/execute', () => {
    expect(messageOf([{ type: 'cancel', activityInstanceId: 'x' }], 'modificationExecute')).toBe(
      "For instruction type 'cancel': 'activityId' must be set",
    );
  });

  it('reports the first invalid instruction', () => {
    const dtos: InstructionDtoInput[] = [
      { type: 'startBeforeActivity', activityId: 'ok' },
      { type: 'startTransition' },
      { type: 'startAfterActivity' },
    ];
    expect(messageOf(dtos, 'processInstance')).toContain("'startTransition'");
  });

  it('converts variables and keeps ancestors for single instances', () => {
    const [instruction] = toModificationInstructions(
      [
        {
          type: 'startBeforeActivity',
          activityId: 'task',
          ancestorActivityInstanceId: 'sub:1',
          variables: { a: { value: 1, type: 'Integer', local: true }, b: { value: 'x' } },
        },
      ],
      'processInstance',
    );
    expect(instruction).toEqual({
      type: 'startBeforeActivity',
      activityId: 'task',
      ancestorActivityInstanceId: 'sub:1',
      variables: {
        a: { value: { type: 'Integer', value: 1, valueInfo: {} }, local: true },
        b: { value: { type: 'String', value: 'x', valueInfo: {} }, local: false },
      },
    });
  });

  it('drops ancestors and variables, and keeps cancelCurrentActiveActivityInstances, for execute', () => {
    const result = toModificationInstructions(
      [
        {
          type: 'startAfterActivity',
          activityId: 'a',
          ancestorActivityInstanceId: 'x',
          variables: { v: { value: 1 } },
        },
        { type: 'cancel', activityId: 'b', cancelCurrentActiveActivityInstances: true },
      ],
      'modificationExecute',
    );
    expect(result).toEqual([
      { type: 'startAfterActivity', activityId: 'a' },
      { type: 'cancel', activityId: 'b', cancelCurrentActiveActivityInstances: true },
    ]);
  });

  it('ignores cancels in start instructions', () => {
    expect(
      toModificationInstructions([{ type: 'cancel', activityId: 'a' }], 'instantiation'),
    ).toEqual([]);
  });

  it("converts variable values as Camunda's VariableValueDto does, refusing what does not fit", () => {
    const [instruction] = toModificationInstructions(
      [
        {
          type: 'startBeforeActivity',
          activityId: 'task',
          variables: { due: { value: '2024-05-01T14:30:00.000+0200', type: 'Date' } },
        },
      ],
      'processInstance',
    );
    expect(instruction).toMatchObject({
      variables: {
        due: { value: { type: 'Date', value: Date.UTC(2024, 4, 1, 12, 30) }, local: false },
      },
    });
    expect(
      messageOf(
        [
          {
            type: 'startBeforeActivity',
            activityId: 'task',
            variables: { n: { value: 'x', type: 'Integer' } },
          },
        ],
        'processInstance',
      ),
    ).toBe("Cannot convert value 'x' of type 'Integer' to java type java.lang.Integer");
  });

  it('reads a whole body: options are set only when true', () => {
    expect(
      toProcessInstanceModification({
        instructions: [{ type: 'cancel', activityInstanceId: 'ai-1' }],
        skipCustomListeners: true,
        skipIoMappings: null,
      }),
    ).toEqual({
      instructions: [{ type: 'cancel', activityInstanceId: 'ai-1' }],
      skipCustomListeners: true,
      skipIoMappings: false,
    });
  });
});
