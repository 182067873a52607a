/**
 * The console's instance filters, as the URL keeps them, and the one translation of them into
 * Camunda's query bodies. The instance list, its count and a modification of many instances all
 * take their query object from here, so the instances the list shows and the ones the engine
 * modifies are selected by the same conditions, with the same typed variable values.
 *
 * Why bodies (`POST /process-instance`) and not URL parameters: Camunda reads every value of a GET
 * `variables=name_op_value` parameter as a String, so `amount_gt_100` never matches an Integer
 * variable there, while a query body carries JSON values that Camunda compares by their type
 * (REST reference, "Get Instances" and "Get Instances (POST)"). No dependencies beyond types and
 * the date format: the route table reads the URL with it, on the first screen.
 */
import type { HistoricProcessInstanceQueryDto } from '../../contract/camunda/history';
import type { ProcessInstanceQueryDto } from '../../contract/camunda/process-instance';
import type { VariableQueryParameterDto } from '../../contract/camunda/variables';
import { parseCamundaDate, toCamundaDate } from './camunda-date';

export const VARIABLE_OPERATORS = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like'] as const;
export type VariableOperator = (typeof VARIABLE_OPERATORS)[number];

/**
 * The JSON type a condition's value is sent as, which decides what Camunda compares it with: a
 * JSON string only String variables, a number the numeric type Jackson reads it as, a boolean
 * Boolean variables, a string in Camunda's date format Date variables
 * (`ConditionQueryParameterDto.resolveValue`, `SingleQueryVariableValueCondition`).
 */
export const VARIABLE_VALUE_TYPES = ['String', 'Number', 'Boolean', 'Date'] as const;
export type VariableValueType = (typeof VARIABLE_VALUE_TYPES)[number];

/** One variable condition as the operator wrote it: the value is the text typed. */
export interface VariableFilter {
  name: string;
  operator: VariableOperator;
  type: VariableValueType;
  value: string;
}

/** What the operator filters the instances of one definition by; absent means "any". */
export interface ProcessInstanceFilters {
  /** Exact, or a `LIKE` pattern when it contains `%`. */
  businessKey?: string;
  /** A flow node id: instances with a token in that activity now (`activityIdIn`). */
  activityId?: string;
  withIncidents?: boolean;
  variables?: VariableFilter[];
}

/** Which instances a modification of many selects: exactly one of Camunda's three sources. */
export type SelectedInstances =
  | { processInstanceIds: string[] }
  | { processInstanceQuery: ProcessInstanceQueryDto }
  | { historicProcessInstanceQuery: HistoricProcessInstanceQueryDto };

/** The operators Camunda applies to a value of this type; `like` compares text only. */
export function operatorsFor(type: VariableValueType): readonly VariableOperator[] {
  switch (type) {
    case 'String':
      return VARIABLE_OPERATORS;
    case 'Boolean':
      return ['eq', 'neq'];
    case 'Number':
    case 'Date':
      return VARIABLE_OPERATORS.filter((operator) => operator !== 'like');
  }
}

const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;
/** Jackson's `StdDateFormat` as Camunda configures it: the only text it reads as a Date. */
const CAMUNDA_DATE_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;

const SHORT_MIN = -32_768;
const SHORT_MAX = 32_767;

/** A variable type a number of a query body can be compared with. */
export type NumberVariableType = 'Short' | 'Integer' | 'Long' | 'Double';

/**
 * Which variables a JSON number of a query body is compared with, or null when the text is no
 * number. Camunda's REST layer wraps a number in an untyped `NumberValue`
 * (`VariableQueryParameterDto.resolveValue`), whose abstract type makes the condition a
 * `CompositeQueryVariableValueCondition`: one disjunct per numeric type that can hold the value
 * without loss (`PrimitiveValueTypeImpl.*.canConvertFromTypedValue`). So 42 matches Short,
 * Integer, Long and Double variables; 42.5 only Double ones.
 */
export function numberTypesComparedWith(text: string): NumberVariableType[] | null {
  const trimmed = text.trim();
  if (!NUMBER_PATTERN.test(trimmed)) {
    return null;
  }
  const number = Number(trimmed);
  if (!Number.isInteger(number)) {
    return ['Double'];
  }
  const types: NumberVariableType[] = [];
  if (number >= SHORT_MIN && number <= SHORT_MAX) {
    types.push('Short');
  }
  if (number >= INTEGER_MIN && number <= INTEGER_MAX) {
    types.push('Integer');
  }
  types.push('Long', 'Double');
  return types;
}

/** Why a condition cannot be sent, in the operator's words; null when it can. */
export function variableFilterProblem(filter: VariableFilter): string | null {
  const value = filter.value.trim();
  if (filter.name.trim() === '') {
    return 'Enter the name of the variable.';
  }
  if (!operatorsFor(filter.type).includes(filter.operator)) {
    return `A ${filter.type} value cannot be compared with ${filter.operator}.`;
  }
  switch (filter.type) {
    case 'String':
      return CAMUNDA_DATE_TEXT.test(value)
        ? 'Camunda reads text in its date format as a Date: choose the type Date.'
        : null;
    case 'Number': {
      const number = Number(value);
      if (numberTypesComparedWith(value) === null) {
        return 'Enter a number, e.g. 42 or 99.5.';
      }
      return Number.isInteger(number) && !Number.isSafeInteger(number)
        ? 'This number is too large to be sent exactly.'
        : null;
    }
    case 'Boolean':
      return value === 'true' || value === 'false' ? null : 'Enter true or false.';
    case 'Date':
      return parseCamundaDate(value) === null
        ? 'Enter a date and time, e.g. 2024-05-01T09:30:00.000+0200.'
        : null;
  }
}

/** The JSON value of a condition; only for conditions without a problem. */
export function toQueryValue(filter: VariableFilter): string | number | boolean {
  const value = filter.value.trim();
  switch (filter.type) {
    case 'String':
      // Untrimmed: a String condition matches the text exactly, spaces included.
      return filter.value;
    case 'Number':
      return Number(value);
    case 'Boolean':
      return value === 'true';
    case 'Date':
      return toCamundaDate(parseCamundaDate(value) ?? 0);
  }
}

/** The conditions as Camunda's `variables` of a query body. */
export function toVariableQueryParameters(
  filters: readonly VariableFilter[],
): VariableQueryParameterDto[] {
  return filters.map((filter) => ({
    name: filter.name.trim(),
    operator: filter.operator,
    value: toQueryValue(filter),
  }));
}

/** The filters without empty fields, so equal filters give equal URLs and query keys. */
export function normalizeFilters(filters: ProcessInstanceFilters): ProcessInstanceFilters {
  const businessKey = filters.businessKey?.trim();
  const activityId = filters.activityId?.trim();
  const variables = (filters.variables ?? [])
    .map((filter) => ({ ...filter, name: filter.name.trim() }))
    .filter((filter) => variableFilterProblem(filter) === null);
  return {
    ...(businessKey ? { businessKey } : {}),
    ...(activityId ? { activityId } : {}),
    ...(filters.withIncidents === true ? { withIncidents: true } : {}),
    ...(variables.length > 0 ? { variables } : {}),
  };
}

export function hasFilters(filters: ProcessInstanceFilters): boolean {
  return Object.keys(normalizeFilters(filters)).length > 0;
}

/**
 * Reads the filters from URL search params, dropping empty and malformed ones. The router parses
 * values that look like JSON, so `variables` arrives as an array and a business key `1042` as a
 * number. A link of an older console carries `variable=name_op_value[,…]`, the text of Camunda's
 * GET parameter: Camunda compared those values as Strings, so they are read as String conditions.
 */
export function toProcessInstanceFilters(search: Record<string, unknown>): ProcessInstanceFilters {
  const variables = Array.isArray(search.variables)
    ? search.variables.map(toVariableFilter)
    : typeof search.variable === 'string'
      ? fromGetParameter(search.variable)
      : [];
  return normalizeFilters({
    businessKey: toText(search.businessKey),
    activityId: toText(search.activityId),
    withIncidents: search.withIncidents === true || search.withIncidents === 'true',
    variables: variables.filter((filter) => filter !== null),
  });
}

/**
 * `POST /process-instance` (and `/count`) body of one definition's instances under the filters:
 * the list, its count and a modification's `processInstanceQuery`.
 */
export function toProcessInstanceQuery(
  processDefinitionId: string,
  filters: ProcessInstanceFilters,
): ProcessInstanceQueryDto {
  const { businessKey, activityId, withIncidents, variables } = normalizeFilters(filters);
  return {
    processDefinitionId,
    ...(businessKey === undefined
      ? {}
      : businessKey.includes('%')
        ? { businessKeyLike: businessKey }
        : { businessKey }),
    ...(activityId === undefined ? {} : { activityIdIn: [activityId] }),
    ...(withIncidents === true ? { withIncident: true } : {}),
    ...(variables === undefined ? {} : { variables: toVariableQueryParameters(variables) }),
  };
}

/** Start times of the history query, epoch milliseconds. */
export interface StartTimeRange {
  startedAfter?: number;
  startedBefore?: number;
}

/**
 * `POST /history/process-instance` body of the same instances, unfinished only, optionally by
 * start time. The activity goes in `activityIdIn`, which Camunda's history query evaluates on the
 * runtime executions exactly as the runtime query does (HistoricProcessInstance.xml, 7.22+), so
 * both sources select by the activity the way the list does. `activeActivityIdIn` would not: it
 * matches unfinished historic activity instances, so it also finds the sub-process or
 * multi-instance body around a token, misses a token waiting in an asynchronous continuation
 * (which has no activity instance yet, or no longer), and finds nothing below history level
 * `activity`.
 */
export function toHistoricProcessInstanceQuery(
  processDefinitionId: string,
  filters: ProcessInstanceFilters,
  range: StartTimeRange = {},
): HistoricProcessInstanceQueryDto {
  const { businessKey, activityId, withIncidents, variables } = normalizeFilters(filters);
  return {
    processDefinitionId,
    // Finished instances cannot be modified: without this the modification would fail for each.
    unfinished: true,
    ...(businessKey === undefined
      ? {}
      : businessKey.includes('%')
        ? { processInstanceBusinessKeyLike: businessKey }
        : { processInstanceBusinessKey: businessKey }),
    ...(activityId === undefined ? {} : { activityIdIn: [activityId] }),
    ...(withIncidents === true ? { withIncidents: true } : {}),
    ...(variables === undefined ? {} : { variables: toVariableQueryParameters(variables) }),
    ...(range.startedAfter === undefined
      ? {}
      : { startedAfter: toCamundaDate(range.startedAfter) }),
    ...(range.startedBefore === undefined
      ? {}
      : { startedBefore: toCamundaDate(range.startedBefore) }),
  };
}

function toVariableFilter(value: unknown): VariableFilter | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { name, operator, type, value: text } = value as Record<string, unknown>;
  if (
    typeof name !== 'string' ||
    !isOneOf(VARIABLE_OPERATORS, operator) ||
    !isOneOf(VARIABLE_VALUE_TYPES, type)
  ) {
    return null;
  }
  const valueText = toText(text);
  if (valueText === undefined) {
    return null;
  }
  const filter = { name, operator, type, value: valueText };
  return variableFilterProblem(filter) === null ? filter : null;
}

/** `amount_gt_100,status_eq_open`, split as Camunda's `VariableListConverter` splits it. */
function fromGetParameter(text: string): (VariableFilter | null)[] {
  return text.split(',').map((condition) => {
    const parts = condition.split('_');
    const [name = '', operator, value = ''] = parts;
    return parts.length === 3 && isOneOf(VARIABLE_OPERATORS, operator)
      ? { name, operator, type: 'String', value }
      : null;
  });
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
