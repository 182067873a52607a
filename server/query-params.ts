/**
 * Query parameters of Camunda's list endpoints: one declarative spec per query, read from the URL
 * (`GET`) or from a JSON body (`POST` queries), with Camunda's error messages.
 */
import { z } from 'zod';
import type { Paging, Sorting } from '../engine/query/query-support';
import { readQuotedDate } from '../engine/camunda-date';
import { ProcessEngineException } from '../engine/errors';
import type {
  QueryValue,
  VariableCondition,
  VariableOperator,
} from '../engine/query/variable-condition';
import { VARIABLE_OPERATORS, variableCondition } from '../engine/query/variable-condition';
import {
  jsonBoolean,
  jsonDate,
  jsonInteger,
  jsonString,
  jsonStringList,
  sortingSchema,
} from './request-body';
import { InvalidRequestException } from './rest-errors';

/** How a parameter is read: comma lists, `true`/`false`, Camunda dates, `name_op_value` lists. */
export type ParamKind = 'string' | 'boolean' | 'integer' | 'stringList' | 'date' | 'variables';

export type ParamSpec = Readonly<Record<string, ParamKind>>;

type ParamValue<K extends ParamKind> = K extends 'string'
  ? string
  : K extends 'boolean'
    ? boolean
    : K extends 'integer' | 'date'
      ? number
      : K extends 'stringList'
        ? string[]
        : VariableCondition[];

export type ParsedParams<S extends ParamSpec> = { -readonly [P in keyof S]?: ParamValue<S[P]> };

/** A query: its filters, its sort keys and their names in error messages. */
export interface QuerySpec<S extends ParamSpec> {
  params: S;
  sortBy: readonly string[];
}

export function defineQuery<S extends ParamSpec>(
  params: S,
  sortBy: readonly string[],
): QuerySpec<S> {
  return { params, sortBy };
}

function cannotSet(name: string, value: string, reason?: string): InvalidRequestException {
  const suffix = reason === undefined ? '' : `: ${reason}`;
  return new InvalidRequestException(
    400,
    `Cannot set query parameter '${name}' to value '${value}'${suffix}`,
  );
}

/**
 * Java's `String.split` with a one-character separator: trailing empty strings are dropped, as
 * Camunda's converters (`StringListConverter`, `VariableListConverter`) split.
 */
function javaSplit(text: string, separator: string): string[] {
  if (text === '') {
    return [''];
  }
  const parts = text.split(separator);
  while (parts.length && parts[parts.length - 1] === '') {
    parts.pop();
  }
  return parts;
}

/**
 * `ConditionQueryParameterDto.resolveValue` for a String: Camunda first tries to read it as a
 * date (`objectMapper.readValue("\"" + value + "\"", Date.class)`), so a text in the REST date
 * format is a Date, an empty text or `null` is null, and anything else stays a String.
 */
function resolveText(text: string): QueryValue {
  const reading = readQuotedDate(text);
  switch (reading.kind) {
    case 'date':
      return { type: 'date', value: reading.epochMs };
    case 'null':
      return { type: 'null' };
    case 'invalid':
      return { type: 'string', value: text };
  }
}

/** A JSON value of a body condition: Jackson's `Object` for it, then `resolveValue`. */
function resolveJson(value: unknown): QueryValue | 'object' {
  if (value === null || value === undefined) {
    return { type: 'null' };
  }
  switch (typeof value) {
    case 'string':
      return resolveText(value);
    case 'number':
      // VariableQueryParameterDto.resolveValue: Variables.numberValue(number).
      return { type: 'number', value };
    case 'boolean':
      return { type: 'boolean', value };
    default:
      return 'object';
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `toString()` of what Jackson makes of a JSON array or object: an ArrayList or a LinkedHashMap. */
function javaCollectionText(json: unknown): string {
  if (Array.isArray(json)) {
    return `[${json.map(javaCollectionText).join(', ')}]`;
  }
  if (json !== null && typeof json === 'object') {
    const entries = Object.entries(json).map(([key, item]) => `${key}=${javaCollectionText(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return typeof json === 'string' ? json : JSON.stringify(json);
}

/**
 * `String.valueOf(value)` of a resolved value: the REST layer passes `like` values as text
 * (`query.variableValueLike(name, String.valueOf(variableValue))`), so a number, a date or null
 * is compared with String variables as its Java text.
 */
function javaText(value: QueryValue | 'object', json: unknown): string {
  if (value === 'object') {
    return javaCollectionText(json);
  }
  switch (value.type) {
    case 'string':
      return value.value;
    case 'null':
      return 'null';
    case 'boolean':
      return String(value.value);
    case 'number': {
      const text = Number.isInteger(value.value)
        ? BigInt(value.value).toString()
        : String(value.value);
      return `Value '${text}' of type 'PrimitiveValueType[number]', isTransient=false`;
    }
    case 'date': {
      // java.util.Date.toString(), in the server's zone: this server's dates are UTC.
      const date = new Date(value.value);
      const pad = (n: number) => String(n).padStart(2, '0');
      return (
        `${WEEKDAYS[date.getUTCDay()] ?? ''} ${MONTHS[date.getUTCMonth()] ?? ''} ` +
        `${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
        `${pad(date.getUTCSeconds())} UTC ${String(date.getUTCFullYear())}`
      );
    }
  }
}

/**
 * One condition as the query DTOs' `applyFilters` adds it: an unknown operator is refused,
 * `like` compares the value's text, and the engine refuses null and booleans with an ordering
 * operator (engine/query/variable-condition.ts).
 */
function toCondition(
  name: string,
  operator: string,
  resolved: QueryValue | 'object',
  json: unknown,
): VariableCondition {
  if (!isOperator(operator)) {
    throw invalidComparator(operator);
  }
  if (operator === 'like') {
    return variableCondition(name, operator, { type: 'string', value: javaText(resolved, json) });
  }
  if (resolved === 'object') {
    // QueryVariableValue.initialize: a List or Map needs an object serializer.
    throw new ProcessEngineException('Object values cannot be used to query');
  }
  return variableCondition(name, operator, resolved);
}

function isOperator(operator: string): operator is VariableOperator {
  return (VARIABLE_OPERATORS as readonly string[]).includes(operator);
}

function invalidComparator(operator: string): InvalidRequestException {
  return new InvalidRequestException(400, `Invalid variable comparator specified: ${operator}`);
}

/**
 * `variables=a_eq_1,b_like_x%`: Camunda's `VariableListConverter`. Every value is a String, read
 * as a date where it is one (`resolveValue`): `amount_gt_100` never matches an Integer variable.
 */
function parseVariableList(name: string, text: string): VariableCondition[] {
  return javaSplit(text, ',').map((expression) => {
    const parts = javaSplit(expression, '_');
    const [variable, operator, value] = parts;
    if (
      parts.length !== 3 ||
      variable === undefined ||
      operator === undefined ||
      value === undefined
    ) {
      throw cannotSet(
        name,
        text,
        'variable query parameter has to have format KEY_OPERATOR_VALUE.',
      );
    }
    return toCondition(variable, operator, resolveText(value), value);
  });
}

/**
 * Camunda's `DateConverter`: a value in double quotes is refused, the rest is read as the JSON
 * string `"value"` with the REST date format. An empty value or `null` is a null date, which sets
 * no filter.
 */
function parseDateParam(name: string, text: string): number | undefined {
  if (text.startsWith('"') || text.endsWith('"')) {
    throw cannotSet(
      name,
      text,
      `Cannot convert value ${text} to java type java.util.Date because of double quotes`,
    );
  }
  const reading = readQuotedDate(text);
  if (reading.kind === 'invalid') {
    throw cannotSet(name, text, `Cannot convert value "${text}" to java type java.util.Date`);
  }
  return reading.kind === 'date' ? reading.epochMs : undefined;
}

function parseParam(name: string, kind: ParamKind, text: string): unknown {
  switch (kind) {
    case 'string':
      return text;
    case 'boolean':
      if (/^(true|false)$/i.test(text)) {
        return text.toLowerCase() === 'true';
      }
      throw cannotSet(name, text);
    case 'integer':
      if (/^[+-]?\d+$/.test(text)) {
        return Number(text);
      }
      throw cannotSet(name, text);
    case 'stringList':
      return javaSplit(text, ',');
    case 'date':
      return parseDateParam(name, text);
    case 'variables':
      return parseVariableList(name, text);
  }
}

/** Reads the filters of `spec` from URL parameters; unknown parameters are ignored. */
export function parseUrlFilters<S extends ParamSpec>(
  query: Record<string, string>,
  spec: S,
): ParsedParams<S> {
  const result: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const text = query[name];
    const value = text === undefined ? undefined : parseParam(name, kind, text);
    if (value !== undefined) {
      result[name] = value;
    }
  }
  return result as ParsedParams<S>;
}

/**
 * `sortBy`/`sortOrder` from the URL: both or neither, with the messages of Camunda's
 * `AbstractQueryDto`.
 */
export function parseUrlSorting(
  query: Record<string, string>,
  sortBy: readonly string[],
): Sorting[] {
  const by = query.sortBy;
  const order = query.sortOrder;
  if (by !== undefined && !sortBy.includes(by)) {
    throw cannotSet('sortBy', by);
  }
  if (order !== undefined && order !== 'asc' && order !== 'desc') {
    throw cannotSet('sortOrder', order);
  }
  if ((by === undefined) !== (order === undefined)) {
    throw new InvalidRequestException(
      400,
      'Only a single sorting parameter specified. sortBy and sortOrder required',
    );
  }
  return by !== undefined && (order === 'asc' || order === 'desc')
    ? [{ sortBy: by, sortOrder: order }]
    : [];
}

/** `firstResult`/`maxResults`, which stay URL parameters for `POST` queries too. */
export function parsePaging(query: Record<string, string>): Paging {
  const paging: Paging = {};
  for (const name of ['firstResult', 'maxResults'] as const) {
    const text = query[name];
    if (text === undefined) {
      continue;
    }
    if (!/^\d+$/.test(text)) {
      throw cannotSet(name, text);
    }
    paging[name] = Number(text);
  }
  return paging;
}

export interface ParsedQuery<S extends ParamSpec> {
  filters: ParsedParams<S>;
  sortings: Sorting[];
}

/** Filters and sorting of a `GET` list or count. */
export function parseUrlQuery<S extends ParamSpec>(
  query: Record<string, string>,
  spec: QuerySpec<S>,
): ParsedQuery<S> {
  return {
    filters: parseUrlFilters(query, spec.params),
    sortings: parseUrlSorting(query, spec.sortBy),
  };
}

const variableConditionSchema = z.object({
  name: jsonString,
  operator: jsonString,
  value: z.unknown(),
});

const BODY_SCHEMAS: Record<ParamKind, z.ZodType> = {
  string: jsonString,
  boolean: jsonBoolean,
  integer: jsonInteger,
  stringList: jsonStringList,
  date: jsonDate,
  variables: z.array(variableConditionSchema),
};

/** The zod schema of a query DTO in a `POST` body: the spec's fields plus `sorting`. */
export function queryBodySchema<S extends ParamSpec>(spec: QuerySpec<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(spec.params)) {
    shape[name] = BODY_SCHEMAS[kind].nullish();
  }
  shape.sorting = z.array(sortingSchema).nullish();
  return z
    .object(shape)
    .nullish()
    .transform((value) => (value ?? {}) as Record<string, unknown>);
}

/** Filters and sorting from a query DTO already mapped by `queryBodySchema`. */
export function fromQueryBody<S extends ParamSpec>(
  body: Record<string, unknown>,
  spec: QuerySpec<S>,
): ParsedQuery<S> {
  const filters: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec.params)) {
    const value = body[name];
    if (value === null || value === undefined) {
      continue;
    }
    filters[name] =
      kind === 'variables'
        ? toConditions(value as z.output<typeof variableConditionSchema>[])
        : value;
  }
  const sortings: Sorting[] = [];
  for (const sorting of (body.sorting ?? []) as z.output<typeof sortingSchema>[]) {
    const { sortBy, sortOrder } = sorting;
    if (sortBy === null || sortBy === undefined) {
      continue;
    }
    if (!spec.sortBy.includes(sortBy)) {
      throw new InvalidRequestException(400, `sortBy parameter has invalid value: ${sortBy}`);
    }
    if (
      sortOrder !== null &&
      sortOrder !== undefined &&
      sortOrder !== 'asc' &&
      sortOrder !== 'desc'
    ) {
      throw new InvalidRequestException(400, `sortOrder parameter has invalid value: ${sortOrder}`);
    }
    sortings.push({ sortBy, sortOrder: sortOrder === 'desc' ? 'desc' : 'asc' });
  }
  return { filters: filters as ParsedParams<S>, sortings };
}

/** Body conditions carry JSON values: a number compares with numbers, a string with Strings. */
function toConditions(list: z.output<typeof variableConditionSchema>[]): VariableCondition[] {
  return list.map(({ name, operator, value }) =>
    toCondition(name, operator, resolveJson(value), value),
  );
}
