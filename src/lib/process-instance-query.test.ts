import { describe, expect, it } from 'vitest';

import {
  numberTypesComparedWith,
  hasFilters,
  operatorsFor,
  toHistoricProcessInstanceQuery,
  toProcessInstanceFilters,
  toProcessInstanceQuery,
  variableFilterProblem,
} from './process-instance-query';
import type { VariableFilter } from './process-instance-query';

const orderNoText: VariableFilter = {
  name: 'orderNo',
  operator: 'eq',
  type: 'String',
  value: '00042',
};
const orderNoNumber: VariableFilter = { ...orderNoText, type: 'Number', value: '42' };

describe('toProcessInstanceQuery', () => {
  it('maps every filter to its field of Camunda’s query body', () => {
    expect(
      toProcessInstanceQuery('order:1:abc', {
        businessKey: 'ORD-1',
        activityId: 'review',
        withIncidents: true,
        variables: [orderNoText],
      }),
    ).toEqual({
      processDefinitionId: 'order:1:abc',
      businessKey: 'ORD-1',
      activityIdIn: ['review'],
      withIncident: true,
      variables: [{ name: 'orderNo', operator: 'eq', value: '00042' }],
    });
  });

  it('sends each value as the JSON type chosen: text stays text, a number is a number', () => {
    const variables = (filter: VariableFilter) =>
      toProcessInstanceQuery('d', { variables: [filter] }).variables;

    expect(variables(orderNoText)).toEqual([{ name: 'orderNo', operator: 'eq', value: '00042' }]);
    expect(variables(orderNoNumber)).toEqual([{ name: 'orderNo', operator: 'eq', value: 42 }]);
    expect(variables({ name: 'ok', operator: 'neq', type: 'Boolean', value: 'false' })).toEqual([
      { name: 'ok', operator: 'neq', value: false },
    ]);
    expect(
      variables({ name: 'due', operator: 'lt', type: 'Date', value: '2024-05-01T09:30:00+02:00' }),
    ).toEqual([{ name: 'due', operator: 'lt', value: '2024-05-01T07:30:00.000+0000' }]);
  });

  it('turns a business key with % into businessKeyLike and leaves empty filters out', () => {
    expect(
      toProcessInstanceQuery('d', { businessKey: ' ORD-% ', activityId: ' ', variables: [] }),
    ).toEqual({ processDefinitionId: 'd', businessKeyLike: 'ORD-%' });
  });
});

describe('toHistoricProcessInstanceQuery', () => {
  it('asks for unfinished instances, by the activity as the runtime query does, and by start', () => {
    expect(
      toHistoricProcessInstanceQuery(
        'd',
        { businessKey: 'BK-7', activityId: 'review', variables: [orderNoNumber] },
        { startedAfter: Date.UTC(2026, 0, 2, 3, 4) },
      ),
    ).toEqual({
      processDefinitionId: 'd',
      unfinished: true,
      processInstanceBusinessKey: 'BK-7',
      activityIdIn: ['review'],
      variables: [{ name: 'orderNo', operator: 'eq', value: 42 }],
      startedAfter: '2026-01-02T03:04:00.000+0000',
    });
  });
});

describe('toProcessInstanceFilters', () => {
  it('reads typed conditions from the URL and drops malformed ones', () => {
    expect(
      toProcessInstanceFilters({
        businessKey: 1042,
        activityId: '',
        withIncidents: 'true',
        variables: [
          orderNoText,
          { name: 'amount', operator: 'gt', type: 'Number', value: 'many' },
          { name: 'x', operator: 'like', type: 'Number', value: '1' },
          { name: 'ok', operator: 'eq', type: 'Boolean', value: true },
          'amount_gt_100',
        ],
      }),
    ).toEqual({
      businessKey: '1042',
      withIncidents: true,
      variables: [orderNoText, { name: 'ok', operator: 'eq', type: 'Boolean', value: 'true' }],
    });
  });

  it('reads an older link’s variable=name_op_value as the String conditions Camunda compared', () => {
    expect(toProcessInstanceFilters({ variable: 'amount_gt_100,status_eq_open,broken' })).toEqual({
      variables: [
        { name: 'amount', operator: 'gt', type: 'String', value: '100' },
        { name: 'status', operator: 'eq', type: 'String', value: 'open' },
      ],
    });
  });

  it('has no filters for an empty URL', () => {
    expect(toProcessInstanceFilters({})).toEqual({});
    expect(hasFilters(toProcessInstanceFilters({ withIncidents: 'no' }))).toBe(false);
  });
});

describe('variableFilterProblem', () => {
  it('accepts values that fit their type', () => {
    for (const filter of [
      orderNoText,
      orderNoNumber,
      { ...orderNoNumber, value: '-99.5' },
      { name: 'ok', operator: 'eq', type: 'Boolean', value: 'true' },
      { name: 'name', operator: 'like', type: 'String', value: 'A%' },
    ] satisfies VariableFilter[]) {
      expect(variableFilterProblem(filter)).toBeNull();
    }
  });

  it('says what is wrong with a value that does not fit its type', () => {
    expect(variableFilterProblem({ ...orderNoNumber, value: '0x2A' })).toBe(
      'Enter a number, e.g. 42 or 99.5.',
    );
    expect(variableFilterProblem({ ...orderNoNumber, value: '9007199254740993' })).toBe(
      'This number is too large to be sent exactly.',
    );
    expect(variableFilterProblem({ ...orderNoNumber, type: 'Boolean', value: 'yes' })).toBe(
      'Enter true or false.',
    );
    expect(variableFilterProblem({ ...orderNoNumber, type: 'Date', value: 'May 1' })).toMatch(
      /^Enter a date and time/,
    );
    expect(variableFilterProblem({ ...orderNoNumber, operator: 'like' })).toBe(
      'A Number value cannot be compared with like.',
    );
    expect(variableFilterProblem({ ...orderNoText, name: ' ' })).toBe(
      'Enter the name of the variable.',
    );
  });

  it('refuses text Camunda would read as a Date', () => {
    expect(variableFilterProblem({ ...orderNoText, value: '2024-05-01T09:30:00.000+0200' })).toBe(
      'Camunda reads text in its date format as a Date: choose the type Date.',
    );
  });

  it('offers like for text only, and only equality for booleans', () => {
    expect(operatorsFor('String')).toContain('like');
    expect(operatorsFor('Number')).not.toContain('like');
    expect(operatorsFor('Boolean')).toEqual(['eq', 'neq']);
  });
});

describe('numberTypesComparedWith', () => {
  it('lists every numeric type that holds the number without loss', () => {
    expect(numberTypesComparedWith('42')).toEqual(['Short', 'Integer', 'Long', 'Double']);
    expect(numberTypesComparedWith('-2147483648')).toEqual(['Integer', 'Long', 'Double']);
    expect(numberTypesComparedWith('2147483648')).toEqual(['Long', 'Double']);
    expect(numberTypesComparedWith('99.5')).toEqual(['Double']);
    expect(numberTypesComparedWith('1e3')).toBeNull();
  });
});
