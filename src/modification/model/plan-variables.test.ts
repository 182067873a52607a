import { describe, expect, it } from 'vitest';

import { toCamundaDate } from '../../lib/camunda-date';
import {
  parseIsoDateTime,
  toPlanVariables,
  toVariableRows,
  variableRowsSchema,
  variableValueProblem,
} from './plan-variables';
import type { VariableRow } from './plan-variables';

describe('variableValueProblem', () => {
  it.each<[VariableRow['type'], string, string | null]>([
    ['String', '', null],
    ['Integer', '42', null],
    ['Integer', '-2147483648', null],
    ['Integer', '2147483648', 'An Integer is 32-bit'],
    ['Integer', '4.2', 'Enter a whole number'],
    ['Long', '2147483648', null],
    ['Long', '99999999999999999999', 'Enter a whole number from'],
    ['Long', 'x', 'Enter a whole number'],
    ['Double', '3.14', null],
    ['Double', '-1e3', null],
    ['Double', '0x10', 'Enter a number'],
    ['Double', '', 'Enter a number'],
    ['Boolean', 'true', null],
    ['Boolean', 'FALSE', null],
    ['Boolean', 'yes', 'Enter true or false'],
    ['Date', '2024-05-01T14:30:00Z', null],
    ['Date', '2024-05-01T14:30', null],
    ['Date', '2013-01-23T14:42:45.000+0200', null],
    ['Date', '2024-05-01', 'Enter an ISO 8601 date and time'],
    ['Date', '2024-13-45T99:00:00Z', 'Enter an ISO 8601 date and time'],
    ['Json', '{"a": 1}', null],
    ['Json', '{a: 1}', 'Enter valid JSON'],
    ['Null', '', null],
    ['Null', 'x', 'A Null variable has no value'],
  ])('%s %j', (type, value, problem) => {
    const actual = variableValueProblem(type, value);
    if (problem === null) {
      expect(actual).toBeNull();
    } else {
      expect(actual).toContain(problem);
    }
  });
});

describe('variableRowsSchema', () => {
  it('reports a missing name, a bad value and a repeated name on their rows', () => {
    const result = variableRowsSchema.safeParse({
      variables: [
        { name: '', type: 'String', value: 'x', local: false },
        { name: 'count', type: 'Integer', value: 'many', local: false },
        { name: 'count', type: 'String', value: 'x', local: false },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['variables.0.name', 'Enter a name.'],
      ['variables.1.value', 'Enter a whole number, e.g. 42.'],
      ['variables.2.name', "'count' is already set above."],
    ]);
  });
});

describe('conversions', () => {
  it('turns rows into typed variables and back', () => {
    const rows: VariableRow[] = [
      { name: ' count ', type: 'Integer', value: ' 7 ', local: true },
      { name: 'paid', type: 'Boolean', value: 'TRUE', local: false },
      { name: 'gone', type: 'Null', value: '', local: false },
    ];
    const variables = toPlanVariables(rows);
    expect(variables).toEqual([
      { name: 'count', type: 'Integer', value: 7, local: true },
      { name: 'paid', type: 'Boolean', value: true, local: false },
      { name: 'gone', type: 'Null', value: null, local: false },
    ]);
    expect(toVariableRows(variables)).toEqual([
      { name: 'count', type: 'Integer', value: '7', local: true },
      { name: 'paid', type: 'Boolean', value: 'true', local: false },
      { name: 'gone', type: 'Null', value: '', local: false },
    ]);
  });

  it("formats dates as Camunda's yyyy-MM-dd'T'HH:mm:ss.SSSZ", () => {
    const epochMs = parseIsoDateTime('2024-02-29T23:59:59.5-01:00');
    expect(epochMs).toBe(Date.UTC(2024, 2, 1, 0, 59, 59, 500));
    expect(toCamundaDate(epochMs ?? 0)).toBe('2024-03-01T00:59:59.500+0000');
  });
});
