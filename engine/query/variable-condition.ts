/**
 * Variable value conditions of Camunda's queries (`variables=name_eq_value`, or
 * `[{name, operator, value}]` in query bodies).
 */
import type { VariableRec } from '../runtime/state';
import type { TypedValue } from '../variables';
import { matchesLike } from './query-support';

export type VariableOperator = 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';

export const VARIABLE_OPERATORS: readonly VariableOperator[] = [
  'eq',
  'neq',
  'gt',
  'gteq',
  'lt',
  'lteq',
  'like',
];

/** A query value in the forms it may be compared in. */
export type ComparableValue =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: number }
  | { kind: 'null' };

/**
 * One condition. `candidates` lists the readings of the query value: a value from a URL is text
 * that may also denote a number, a boolean or a date; a value from JSON has its JSON type (plus
 * a date reading for strings in Camunda's date format, as Camunda resolves them).
 */
export interface VariableCondition {
  name: string;
  operator: VariableOperator;
  candidates: ComparableValue[];
}

/** How a stored value compares, or null for types no condition matches (Json, Object). */
export function comparableOf(typed: TypedValue): ComparableValue | null {
  if (typed.value === null || typed.value === undefined || typed.type === 'Null') {
    return { kind: 'null' };
  }
  switch (typed.type) {
    case 'String':
      return typeof typed.value === 'string' ? { kind: 'text', value: typed.value } : null;
    case 'Integer':
    case 'Long':
    case 'Short':
    case 'Double':
      return { kind: 'number', value: Number(typed.value) };
    case 'Boolean':
      return { kind: 'boolean', value: Boolean(typed.value) };
    case 'Date':
      return { kind: 'date', value: Number(typed.value) };
    default:
      return null;
  }
}

function compare(a: ComparableValue, b: ComparableValue): number | null {
  if (a.kind !== b.kind) {
    return null;
  }
  if (a.kind === 'null' || b.kind === 'null') {
    return 0;
  }
  const [x, y] = [a.value, b.value];
  return x < y ? -1 : x > y ? 1 : 0;
}

function matchesOne(
  stored: ComparableValue,
  operator: VariableOperator,
  query: ComparableValue,
): boolean {
  if (operator === 'like') {
    return (
      stored.kind === 'text' && query.kind === 'text' && matchesLike(stored.value, query.value)
    );
  }
  const order = compare(stored, query);
  if (order === null) {
    return false;
  }
  const ordered = stored.kind !== 'null' && stored.kind !== 'boolean';
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'neq':
      return order !== 0;
    case 'gt':
      return ordered && order > 0;
    case 'gteq':
      return ordered && order >= 0;
    case 'lt':
      return ordered && order < 0;
    case 'lteq':
      return ordered && order <= 0;
  }
}

/** `variableNamesIgnoreCase` / `variableValuesIgnoreCase` of Camunda's variable queries. */
export interface VariableMatchOptions {
  namesIgnoreCase?: boolean;
  valuesIgnoreCase?: boolean;
}

function lowerText(value: ComparableValue): ComparableValue {
  return value.kind === 'text' ? { kind: 'text', value: value.value.toLowerCase() } : value;
}

/** Whether a stored value satisfies the condition (its name is checked by the caller). */
export function matchesValue(
  typed: TypedValue,
  condition: VariableCondition,
  options: VariableMatchOptions = {},
): boolean {
  const comparable = comparableOf(typed);
  if (comparable === null) {
    return false;
  }
  // Camunda lower-cases both sides of a text comparison when values ignore case.
  const stored = options.valuesIgnoreCase === true ? lowerText(comparable) : comparable;
  return condition.candidates.some((query) =>
    matchesOne(
      stored,
      condition.operator,
      options.valuesIgnoreCase === true ? lowerText(query) : query,
    ),
  );
}

/** Whether a variable name is the one a condition asks for. */
export function matchesName(
  name: string,
  condition: VariableCondition,
  options: VariableMatchOptions = {},
): boolean {
  return options.namesIgnoreCase === true
    ? name.toLowerCase() === condition.name.toLowerCase()
    : name === condition.name;
}

/** Whether a scope's variables satisfy every condition. */
export function matchesVariables(
  variables: Record<string, VariableRec> | undefined,
  conditions: readonly VariableCondition[] | undefined,
): boolean {
  if (!conditions?.length) {
    return true;
  }
  if (!variables) {
    return false;
  }
  return conditions.every((condition) => {
    const variable = variables[condition.name];
    return variable !== undefined && matchesValue(variable.value, condition);
  });
}

/**
 * Whether every condition is met by some variable of any of the scopes: a history query matches
 * the historic variable instances of the whole process instance, local ones included.
 */
export function matchesAnyScopeVariables(
  scopes: readonly Record<string, VariableRec>[],
  conditions: readonly VariableCondition[] | undefined,
  options: VariableMatchOptions = {},
): boolean {
  if (!conditions?.length) {
    return true;
  }
  const variables = scopes.flatMap((scope) => Object.values(scope));
  return conditions.every((condition) =>
    variables.some(
      (variable) =>
        matchesName(variable.name, condition, options) &&
        matchesValue(variable.value, condition, options),
    ),
  );
}
