import { describe, expect, it } from 'vitest';
import { NotValidException } from '../errors';
import type { TypedValue, ValueType } from '../variables';
import type { QueryValue, VariableCondition, VariableOperator } from './variable-condition';
import {
  matchesHistoricVariables,
  matchesValue,
  matchesVariables,
  variableCondition,
} from './variable-condition';

const typed = (type: ValueType, value: unknown): TypedValue => ({ type, value, valueInfo: {} });
const text = (value: string): QueryValue => ({ type: 'string', value });
const number = (value: number): QueryValue => ({ type: 'number', value });

const matches = (
  stored: TypedValue,
  operator: VariableOperator,
  value: QueryValue,
  valuesIgnoreCase = false,
) => matchesValue(stored, variableCondition('x', operator, value), { valuesIgnoreCase });

describe('matchesValue: Camunda compares a query value with variables of its own type', () => {
  it('never confuses the String "00042" with the Integer 42', () => {
    expect(matches(typed('String', '00042'), 'eq', text('00042'))).toBe(true);
    expect(matches(typed('Integer', 42), 'eq', text('00042'))).toBe(false);
    expect(matches(typed('Integer', 42), 'eq', text('42'))).toBe(false);
    expect(matches(typed('String', '00042'), 'eq', number(42))).toBe(false);
    expect(matches(typed('String', '42'), 'eq', number(42))).toBe(false);
  });

  it('compares a number with every numeric type it converts to without loss', () => {
    for (const type of ['Integer', 'Long', 'Short', 'Double'] as const) {
      expect(matches(typed(type, 42), 'eq', number(42)), type).toBe(true);
      expect(matches(typed(type, 150), 'gt', number(100)), type).toBe(true);
      expect(matches(typed(type, 150), 'lteq', number(100)), type).toBe(false);
    }
    // 42.5 is a Double condition only; 3e9 no Integer, 40000 no Short.
    expect(matches(typed('Integer', 43), 'gt', number(42.5))).toBe(false);
    expect(matches(typed('Double', 43), 'gt', number(42.5))).toBe(true);
    expect(matches(typed('Long', 3e9), 'eq', number(3e9))).toBe(true);
    expect(matches(typed('Short', 40000), 'eq', number(40000))).toBe(false);
  });

  it('compares Strings as text, Dates and Booleans by their stored number', () => {
    expect(matches(typed('String', 'b'), 'gt', text('a'))).toBe(true);
    expect(matches(typed('String', '150'), 'gt', text('1000'))).toBe(true);
    expect(matches(typed('String', 'Order-7'), 'like', text('Order-_'))).toBe(true);
    expect(matches(typed('Integer', 7), 'like', text('%'))).toBe(false);
    const noon = Date.UTC(2024, 0, 1, 12);
    const date: QueryValue = { type: 'date', value: noon - 1 };
    expect(matches(typed('Date', noon), 'gt', date)).toBe(true);
    expect(matches(typed('String', String(noon)), 'gt', date)).toBe(false);
    expect(matches(typed('Boolean', true), 'eq', { type: 'boolean', value: true })).toBe(true);
    expect(matches(typed('String', 'true'), 'eq', { type: 'boolean', value: true })).toBe(false);
  });

  it('negates the whole condition for neq, so other types match', () => {
    expect(matches(typed('Integer', 42), 'neq', text('42'))).toBe(true);
    expect(matches(typed('Integer', 42), 'neq', number(42))).toBe(false);
    expect(matches(typed('Integer', 7), 'neq', number(42))).toBe(true);
    expect(matches(typed('String', 'open'), 'neq', text('open'))).toBe(false);
  });

  it('matches null against every variable without a value, of any type', () => {
    const nothing: QueryValue = { type: 'null' };
    expect(matches(typed('Null', null), 'eq', nothing)).toBe(true);
    expect(matches(typed('String', null), 'eq', nothing)).toBe(true);
    expect(matches(typed('Integer', null), 'eq', nothing)).toBe(true);
    expect(matches(typed('String', ''), 'eq', nothing)).toBe(false);
    expect(matches(typed('Integer', 0), 'eq', nothing)).toBe(false);
    expect(matches(typed('String', 'x'), 'neq', nothing)).toBe(true);
  });

  it('ignores the case of String values only when asked', () => {
    expect(matches(typed('String', 'Open'), 'eq', text('OPEN'))).toBe(false);
    expect(matches(typed('String', 'Open'), 'eq', text('OPEN'), true)).toBe(true);
    expect(matches(typed('String', 'Open'), 'like', text('op%'), true)).toBe(true);
  });

  it('refuses null and booleans with an ordering operator or like', () => {
    expect(() => variableCondition('x', 'gt', { type: 'null' })).toThrow(
      new NotValidException("Booleans and null cannot be used in 'greater than' condition"),
    );
    expect(() => variableCondition('x', 'lteq', { type: 'boolean', value: true })).toThrow(
      "Booleans and null cannot be used in 'less than or equal' condition",
    );
    expect(variableCondition('x', 'neq', { type: 'null' }).operator).toBe('neq');
  });
});

const condition = (name: string, operator: VariableOperator, value: number): VariableCondition =>
  variableCondition(name, operator, number(value));

describe('matching conditions against a set of variables', () => {
  const variable = (name: string, value: number) => ({ name, value: typed('Integer', value) });

  it('history: conditions on one name must hold for one historic variable instance', () => {
    // `amount` 5 in one scope and 500 in another: no single one is between 100 and 200.
    const variables = [variable('amount', 5), variable('amount', 500), variable('count', 1)];
    const between = [condition('amount', 'gt', 100), condition('amount', 'lt', 200)];
    expect(matchesHistoricVariables(variables, between)).toBe(false);
    expect(matchesHistoricVariables(variables, [condition('amount', 'gt', 100)])).toBe(true);
    expect(
      matchesHistoricVariables(variables, [
        condition('amount', 'lt', 10),
        condition('count', 'eq', 1),
      ]),
    ).toBe(true);
  });

  it('runtime: names compared exactly unless variableNamesIgnoreCase', () => {
    const scope = {
      Amount: { id: 'v1', name: 'Amount', value: typed('Integer', 5), createTime: 0 },
    };
    expect(matchesVariables(scope, [condition('amount', 'eq', 5)])).toBe(false);
    expect(matchesVariables(scope, [condition('amount', 'eq', 5)], { namesIgnoreCase: true })).toBe(
      true,
    );
  });
});
