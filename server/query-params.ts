/**
 * Query parameters of Camunda's list endpoints: one declarative spec per query, read from the URL
 * (`GET`) or from a JSON body (`POST` queries), with Camunda's error messages.
 */
import { z } from 'zod';
import type { Paging, Sorting } from '../engine/query/query-support';
import type {
  ComparableValue,
  VariableCondition,
  VariableOperator,
} from '../engine/query/variable-condition';
import { VARIABLE_OPERATORS } from '../engine/query/variable-condition';
import { parseCamundaDate } from './camunda-date';
import { readQuotedDate } from '../engine/camunda-date';
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

/** The readings of a variable value given as text in a URL. */
function candidatesFromText(text: string): ComparableValue[] {
  const candidates: ComparableValue[] = [{ kind: 'text', value: text }];
  if (text.trim() !== '' && Number.isFinite(Number(text))) {
    candidates.push({ kind: 'number', value: Number(text) });
  }
  if (text === 'true' || text === 'false') {
    candidates.push({ kind: 'boolean', value: text === 'true' });
  }
  const date = parseCamundaDate(text);
  if (date !== null) {
    candidates.push({ kind: 'date', value: date });
  }
  return candidates;
}

/** The readings of a variable value given as JSON in a query body. */
export function candidatesFromJson(value: unknown): ComparableValue[] {
  if (value === null || value === undefined) {
    return [{ kind: 'null' }];
  }
  if (typeof value === 'number') {
    return [{ kind: 'number', value }];
  }
  if (typeof value === 'boolean') {
    return [{ kind: 'boolean', value }];
  }
  if (typeof value === 'string') {
    const date = parseCamundaDate(value);
    return date === null
      ? [{ kind: 'text', value }]
      : [
          { kind: 'text', value },
          { kind: 'date', value: date },
        ];
  }
  return [];
}

function isOperator(operator: string): operator is VariableOperator {
  return (VARIABLE_OPERATORS as readonly string[]).includes(operator);
}

function invalidComparator(operator: string): InvalidRequestException {
  return new InvalidRequestException(400, `Invalid variable comparator specified: ${operator}`);
}

/** `variables=a_eq_1,b_like_x%`: Camunda's `VariableListConverter`. */
function parseVariableList(name: string, text: string): VariableCondition[] {
  return text.split(',').map((expression) => {
    const parts = expression.split('_');
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
    if (!isOperator(operator)) {
      throw invalidComparator(operator);
    }
    return { name: variable, operator, candidates: candidatesFromText(value) };
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
      return text.split(',');
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

function toConditions(list: z.output<typeof variableConditionSchema>[]): VariableCondition[] {
  return list.map(({ name, operator, value }) => {
    if (!isOperator(operator)) {
      throw invalidComparator(operator);
    }
    return { name, operator, candidates: candidatesFromJson(value) };
  });
}
