/**
 * Variable value conditions of Camunda's queries (`variables=name_eq_value` in a URL,
 * `[{name, operator, value}]` in a query body), compared as Camunda's SQL compares them.
 *
 * Camunda writes each variable into typed columns (`TYPE_`, `TEXT_`, `LONG_`, `DOUBLE_`, …) with
 * its serializer, writes the query value with the serializer of the query value's own type, and
 * compares column by column (Commons.xml, `variableValueConditions`): a condition matches only a
 * variable of the query value's type. A String query value matches String variables only, so
 * "00042" never finds the Integer 42; a number matches Integer, Long, Short and Double variables
 * (CompositeQueryVariableValueCondition); `neq` is the negation of `eq`, and so matches variables
 * of every other type.
 */
import { NotValidException } from '../errors';
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

/**
 * The Java value a query compares with, as Camunda's REST layer resolves it: a String, an
 * untyped number (`Variables.numberValue`), a Boolean, a Date (epoch ms) or null.
 */
export type QueryValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: number }
  | { type: 'null' };

export interface VariableCondition {
  name: string;
  operator: VariableOperator;
  value: QueryValue;
}

const OPERATOR_WORDS: Partial<Record<VariableOperator, string>> = {
  gt: 'greater than',
  gteq: 'greater than or equal',
  lt: 'less than',
  lteq: 'less than or equal',
  like: 'like',
};

/**
 * A condition, checked as `AbstractVariableQueryImpl.validateVariable` checks it: null and
 * booleans can only be compared with `eq` and `neq`.
 */
export function variableCondition(
  name: string,
  operator: VariableOperator,
  value: QueryValue,
): VariableCondition {
  const words = OPERATOR_WORDS[operator];
  if ((value.type === 'null' || value.type === 'boolean') && words !== undefined) {
    throw new NotValidException(`Booleans and null cannot be used in '${words}' condition`);
  }
  return { name, operator, value };
}

/** The columns Camunda's serializers write for a value. */
interface ValueFields {
  /** The serializer name (`TYPE_`). */
  type: string;
  text: string | null;
  long: number | null;
  double: number | null;
  /** `TEXT2_` or `BYTEARRAY_ID_` is set (an empty String's marker, serialized objects). */
  other: boolean;
}

const SERIALIZER_NAMES: Readonly<Record<string, string>> = {
  String: 'string',
  Integer: 'integer',
  Long: 'long',
  Short: 'short',
  Double: 'double',
  Boolean: 'boolean',
  Date: 'date',
  Null: 'null',
  Json: 'json',
  Object: 'object',
};

/**
 * What the serializers write (StringValueSerializer, IntegerValueSerializer, …): numbers of the
 * integer types and dates and booleans (1/0) in `LONG_`, doubles in `DOUBLE_`, strings in `TEXT_`.
 */
function fieldsOf(typed: TypedValue): ValueFields {
  const fields: ValueFields = {
    type: SERIALIZER_NAMES[typed.type] ?? typed.type.toLowerCase(),
    text: null,
    long: null,
    double: null,
    other: false,
  };
  const value = typed.value;
  if (value === null || value === undefined) {
    // A null object value still records its type name in TEXT2_.
    fields.other = typed.type === 'Object' && typeof typed.valueInfo.objectTypeName === 'string';
    return fields;
  }
  switch (typed.type) {
    case 'String':
      fields.text = typeof value === 'string' ? value : JSON.stringify(value);
      fields.other = value === '';
      break;
    case 'Integer':
    case 'Long':
    case 'Short':
      // Their text in TEXT_ too, which no condition reads once LONG_ is compared.
      fields.long = Number(value);
      break;
    case 'Double':
      fields.double = Number(value);
      break;
    case 'Boolean':
      fields.long = value === true ? 1 : 0;
      break;
    case 'Date':
      fields.long = Number(value);
      break;
    case 'Null':
      break;
    default:
      fields.other = true;
  }
  return fields;
}

/** One disjunct of a condition: the query value written by one serializer. */
type Disjunct =
  | { kind: 'text'; type: string; value: string }
  | { kind: 'long'; type: string; value: number }
  | { kind: 'double'; type: string; value: number }
  | { kind: 'null' };

const TWO_TO_63 = 2 ** 63;

/**
 * The query value's serialized forms. An untyped number becomes one condition per number type
 * it converts to without loss (IntegerTypeImpl.canConvertFromTypedValue, …), joined by OR.
 */
function disjunctsOf(value: QueryValue): Disjunct[] {
  switch (value.type) {
    case 'string':
      return [{ kind: 'text', type: 'string', value: value.value }];
    case 'boolean':
      return [{ kind: 'long', type: 'boolean', value: value.value ? 1 : 0 }];
    case 'date':
      return [{ kind: 'long', type: 'date', value: value.value }];
    case 'null':
      return [{ kind: 'null' }];
    case 'number': {
      const n = value.value;
      const disjuncts: Disjunct[] = [{ kind: 'double', type: 'double', value: n }];
      if (Number.isInteger(n)) {
        if (n >= -(2 ** 31) && n < 2 ** 31) {
          disjuncts.push({ kind: 'long', type: 'integer', value: n });
        }
        if (n >= -TWO_TO_63 && n < TWO_TO_63) {
          disjuncts.push({ kind: 'long', type: 'long', value: n });
        }
        if (n >= -(2 ** 15) && n < 2 ** 15) {
          disjuncts.push({ kind: 'long', type: 'short', value: n });
        }
      }
      return disjuncts;
    }
  }
}

/** `=` for eq and neq (neq negates the whole condition), `>`… for the others. */
function compare<T extends string | number>(
  stored: T,
  operator: VariableOperator,
  query: T,
): boolean {
  switch (operator) {
    case 'eq':
    case 'neq':
    case 'like':
      return stored === query;
    case 'gt':
      return stored > query;
    case 'gteq':
      return stored >= query;
    case 'lt':
      return stored < query;
    case 'lteq':
      return stored <= query;
  }
}

/** `variableNamesIgnoreCase` / `variableValuesIgnoreCase` of Camunda's variable queries. */
export interface VariableMatchOptions {
  namesIgnoreCase?: boolean;
  valuesIgnoreCase?: boolean;
}

function matchesDisjunct(
  fields: ValueFields,
  disjunct: Disjunct,
  operator: VariableOperator,
  valuesIgnoreCase: boolean,
): boolean {
  if (disjunct.kind === 'null') {
    // A null value has no type condition: every column must be null.
    return fields.text === null && fields.long === null && fields.double === null && !fields.other;
  }
  if (fields.type !== disjunct.type) {
    return false;
  }
  switch (disjunct.kind) {
    case 'text': {
      if (fields.text === null) {
        return false;
      }
      // UPPER() on both sides, for String query values only (createQueryVariableValue).
      const stored = valuesIgnoreCase ? fields.text.toUpperCase() : fields.text;
      const query = valuesIgnoreCase ? disjunct.value.toUpperCase() : disjunct.value;
      return operator === 'like' ? matchesLike(stored, query) : compare(stored, operator, query);
    }
    case 'long':
      return fields.long !== null && compare(fields.long, operator, disjunct.value);
    case 'double':
      return fields.double !== null && compare(fields.double, operator, disjunct.value);
  }
}

/** Whether a stored value satisfies the condition (its name is checked by the caller). */
export function matchesValue(
  typed: TypedValue,
  condition: VariableCondition,
  options: VariableMatchOptions = {},
): boolean {
  const fields = fieldsOf(typed);
  const ignoreCase = options.valuesIgnoreCase === true && condition.value.type === 'string';
  const matched = disjunctsOf(condition.value).some((disjunct) =>
    matchesDisjunct(fields, disjunct, condition.operator, ignoreCase),
  );
  return condition.operator === 'neq' ? !matched : matched;
}

/** Whether a variable name is the one a condition asks for (`UPPER(NAME_) = UPPER(name)`). */
export function matchesName(
  name: string,
  condition: VariableCondition,
  options: VariableMatchOptions = {},
): boolean {
  return options.namesIgnoreCase === true
    ? name.toUpperCase() === condition.name.toUpperCase()
    : name === condition.name;
}

function matchesVariable(
  variable: { name: string; value: TypedValue },
  condition: VariableCondition,
  options: VariableMatchOptions,
): boolean {
  return (
    matchesName(variable.name, condition, options) &&
    matchesValue(variable.value, condition, options)
  );
}

/**
 * Runtime process instance query: each condition is an `EXISTS` over the variables of the
 * process instance's own execution (Execution.xml: `RES.ID_ = EXECUTION_ID_`).
 */
export function matchesVariables(
  variables: Record<string, VariableRec> | undefined,
  conditions: readonly VariableCondition[] | undefined,
  options: VariableMatchOptions = {},
): boolean {
  if (!conditions?.length) {
    return true;
  }
  const candidates = Object.values(variables ?? {});
  return conditions.every((condition) =>
    candidates.some((variable) => matchesVariable(variable, condition, options)),
  );
}

/**
 * History process instance query: the conditions on one name share one join of the instance's
 * historic variable instances (HistoricProcessInstanceQueryImpl.queryVariableNameToValuesMap), so
 * one historic variable instance must meet all of them; conditions on different names may be met
 * by different ones.
 */
export function matchesHistoricVariables(
  variables: readonly { name: string; value: TypedValue }[],
  conditions: readonly VariableCondition[] | undefined,
  options: VariableMatchOptions = {},
): boolean {
  if (!conditions?.length) {
    return true;
  }
  const byName = new Map<string, VariableCondition[]>();
  for (const condition of conditions) {
    byName.set(condition.name, [...(byName.get(condition.name) ?? []), condition]);
  }
  return [...byName.values()].every((group) =>
    variables.some((variable) =>
      group.every((condition) => matchesVariable(variable, condition, options)),
    ),
  );
}

/** Variable instance query: every condition on the variable itself (VariableInstance.xml). */
export function matchesAllConditions(
  variable: { name: string; value: TypedValue },
  conditions: readonly VariableCondition[] | undefined,
  options: VariableMatchOptions = {},
): boolean {
  return (conditions ?? []).every((condition) => matchesVariable(variable, condition, options));
}
