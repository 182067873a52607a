import { describe, expect, it } from 'vitest';

import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';

import { toProcessInstanceModification } from '../../../engine/modification/modification-request';
import { EMPTY_PLAN } from './instruction';
import type { ModificationPlan } from './instruction';
import { toModificationDto, withAnnotation } from './to-modification-dto';

describe('toModificationDto', () => {
  it('maps every instruction type to the exact REST shape, in plan order', () => {
    const plan: ModificationPlan = {
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'cancel', activityInstanceId: 'pick:1' },
        { type: 'cancel', transitionInstanceId: 'exec-9' },
        { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:1' },
        { type: 'startAfterActivity', activityId: 'ship' },
        { type: 'startTransition', transitionId: 'f6', variables: [] },
      ],
      skipCustomListeners: true,
      skipIoMappings: false,
      annotation: '  Ticket 42  ',
    };
    expect(toModificationDto(plan)).toEqual({
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'cancel', activityInstanceId: 'pick:1' },
        { type: 'cancel', transitionInstanceId: 'exec-9' },
        { type: 'startBeforeActivity', activityId: 'pick', ancestorActivityInstanceId: 'sub:1' },
        { type: 'startAfterActivity', activityId: 'ship' },
        { type: 'startTransition', transitionId: 'f6' },
      ],
      skipCustomListeners: true,
      skipIoMappings: false,
      annotation: 'Ticket 42',
    });
  });

  it('sends variables in the map form with their type and local flag; dates in Camunda format', () => {
    const plan: ModificationPlan = {
      ...EMPTY_PLAN,
      instructions: [
        {
          type: 'startBeforeActivity',
          activityId: 'ship',
          variables: [
            { name: 'note', type: 'String', value: 'rush', local: true },
            { name: 'count', type: 'Integer', value: 3, local: false },
            { name: 'big', type: 'Long', value: 9007199254740991, local: false },
            { name: 'rate', type: 'Double', value: 0.5, local: false },
            { name: 'paid', type: 'Boolean', value: false, local: false },
            { name: 'due', type: 'Date', value: '2024-05-01T14:30:00+02:00', local: false },
            { name: 'items', type: 'Json', value: '[1,2]', local: false },
            { name: 'nothing', type: 'Null', value: null, local: true },
          ],
        },
      ],
    };
    expect(toModificationDto(plan).instructions?.[0]?.variables).toEqual({
      note: { value: 'rush', type: 'String', valueInfo: {}, local: true },
      count: { value: 3, type: 'Integer', valueInfo: {}, local: false },
      big: { value: 9007199254740991, type: 'Long', valueInfo: {}, local: false },
      rate: { value: 0.5, type: 'Double', valueInfo: {}, local: false },
      paid: { value: false, type: 'Boolean', valueInfo: {}, local: false },
      due: { value: '2024-05-01T12:30:00.000+0000', type: 'Date', valueInfo: {}, local: false },
      items: { value: '[1,2]', type: 'Json', valueInfo: {}, local: false },
      nothing: { value: null, type: 'Null', valueInfo: {}, local: true },
    });
  });

  it('leaves out an empty annotation and sends the options as they are', () => {
    expect(toModificationDto(EMPTY_PLAN)).toEqual({
      instructions: [],
      skipCustomListeners: false,
      skipIoMappings: false,
    });
  });

  it('is pure: the plan is not changed', () => {
    const plan: ModificationPlan = {
      ...EMPTY_PLAN,
      instructions: [{ type: 'startBeforeActivity', activityId: 'pick' }],
    };
    const copy = structuredClone(plan);
    toModificationDto(plan);
    expect(plan).toEqual(copy);
  });

  it('is what the operator planned once the server has read it', () => {
    const plan: ModificationPlan = {
      ...EMPTY_PLAN,
      instructions: [
        {
          type: 'startBeforeActivity',
          activityId: 'ship',
          ancestorActivityInstanceId: 'pi-1',
          variables: [
            { name: 'due', type: 'Date', value: '2024-05-01T14:30:00+02:00', local: true },
            { name: 'count', type: 'Integer', value: 3, local: false },
          ],
        },
        { type: 'cancel', transitionInstanceId: 'exec-9' },
      ],
      skipIoMappings: true,
    };
    const sent = JSON.parse(
      JSON.stringify(toModificationDto(plan)),
    ) as ProcessInstanceModificationDto;
    expect(toProcessInstanceModification(sent)).toEqual({
      instructions: [
        {
          type: 'startBeforeActivity',
          activityId: 'ship',
          ancestorActivityInstanceId: 'pi-1',
          variables: {
            due: {
              value: { type: 'Date', value: Date.UTC(2024, 4, 1, 12, 30), valueInfo: {} },
              local: true,
            },
            count: { value: { type: 'Integer', value: 3, valueInfo: {} }, local: false },
          },
        },
        { type: 'cancel', transitionInstanceId: 'exec-9' },
      ],
      skipCustomListeners: false,
      skipIoMappings: true,
    });
  });

  it('changes the annotation around the same instructions', () => {
    const body = toModificationDto({
      ...EMPTY_PLAN,
      instructions: [{ type: 'cancel', activityId: 'ship' }],
      annotation: 'first',
    });
    const changed = withAnnotation(body, '  second ');
    expect(changed).toEqual({ ...body, annotation: 'second' });
    expect(changed.instructions).toBe(body.instructions);
    expect(withAnnotation(body, ' ')).not.toHaveProperty('annotation');
  });
});
