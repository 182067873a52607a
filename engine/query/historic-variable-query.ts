/**
 * `GET /history/variable-instance` and `GET /history/detail`: filters and sort keys as Camunda's
 * `HistoricVariableInstanceQueryDto` and `HistoricDetailQueryDto` apply them.
 */
import type { EngineApi } from '../engine-api';
import type { HistoricVariableInstanceRec, HistoricVariableUpdateRec } from '../runtime/state';
import type { TypedValue } from '../variables';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, matchesTenant, sortAndPage } from './query-support';

/** A JSON value of a query: text in a URL query, any JSON scalar in a POST body. */
export type QueryScalar = string | number | boolean | null;

/** Field names as in Camunda's `HistoricVariableInstanceQueryDto`. */
export interface HistoricVariableInstanceQuery {
  processInstanceId?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  variableName?: string;
  variableNameLike?: string;
  /** Only with `variableName` (the REST layer refuses it alone, as Camunda does). */
  variableValue?: QueryScalar;
  variableTypeIn?: string[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
  executionIdIn?: string[];
  taskIdIn?: string[];
  processInstanceIdIn?: string[];
  activityInstanceIdIn?: string[];
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  /** Without it, variables removed explicitly (state DELETED) are left out. */
  includeDeleted?: boolean;
  variableNameIn?: string[];
}

/** Camunda's sort keys of `HistoricVariableInstanceQueryDto`. */
export const HISTORIC_VARIABLE_INSTANCE_SORT_KEYS: SortKeys<HistoricVariableInstanceRec> = {
  instanceId: (variable) => variable.processInstanceId,
  variableName: (variable) => variable.name,
  tenantId: (variable) => variable.tenantId,
};

/**
 * Camunda stores the serializer name (`string`, `integer`, …) and compares `variableTypeIn`
 * lower-cased against it (HistoricVariableInstance.xml, HistoricDetail.xml).
 */
function matchesType(value: TypedValue, types: readonly string[] | undefined): boolean {
  return (
    types === undefined ||
    types.length === 0 ||
    types.some((type) => type.toLowerCase() === value.type.toLowerCase())
  );
}

function equalsIgnoringCase(a: string, b: string, ignoreCase: boolean): boolean {
  return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * `variableValueEquals(name, value)`: the query value keeps its Java type, so a value from a URL
 * (always a String) matches String variables only. `HistoricVariableInstanceQueryDto` passes a
 * JSON number on as Jackson read it (Integer, Long or Double), not wrapped in an untyped
 * `NumberValue` as the process instance query's `VariableQueryParameterDto` does, so it matches
 * variables of exactly that type (`SingleQueryVariableValueCondition`).
 */
function matchesScalar(stored: TypedValue, expected: QueryScalar, ignoreCase: boolean): boolean {
  if (expected === null) {
    return stored.value === null || stored.value === undefined;
  }
  switch (typeof expected) {
    case 'string':
      return (
        stored.type === 'String' &&
        typeof stored.value === 'string' &&
        equalsIgnoringCase(stored.value, expected, ignoreCase)
      );
    case 'number':
      return stored.type === jacksonNumberType(expected) && Number(stored.value) === expected;
    case 'boolean':
      return stored.type === 'Boolean' && stored.value === expected;
  }
}

const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

/** The Java type Jackson gives a JSON number read into an `Object` field. */
function jacksonNumberType(value: number): 'Integer' | 'Long' | 'Double' {
  if (!Number.isInteger(value)) {
    return 'Double';
  }
  return value >= INTEGER_MIN && value <= INTEGER_MAX ? 'Integer' : 'Long';
}

function inList(value: string | null, list: readonly string[] | undefined): boolean {
  return list === undefined || list.length === 0 || (value !== null && list.includes(value));
}

export function matchesHistoricVariableInstance(
  variable: HistoricVariableInstanceRec,
  q: HistoricVariableInstanceQuery,
): boolean {
  const ignoreNameCase = q.variableNamesIgnoreCase === true;
  if (q.includeDeleted !== true && variable.state === 'DELETED') {
    return false;
  }
  if (q.processInstanceId !== undefined && variable.processInstanceId !== q.processInstanceId) {
    return false;
  }
  if (
    q.processDefinitionId !== undefined &&
    variable.processDefinitionId !== q.processDefinitionId
  ) {
    return false;
  }
  if (
    q.processDefinitionKey !== undefined &&
    variable.processDefinitionKey !== q.processDefinitionKey
  ) {
    return false;
  }
  if (
    q.variableName !== undefined &&
    !equalsIgnoringCase(variable.name, q.variableName, ignoreNameCase)
  ) {
    return false;
  }
  if (q.variableNameLike !== undefined) {
    const name = ignoreNameCase ? variable.name.toLowerCase() : variable.name;
    const pattern = ignoreNameCase ? q.variableNameLike.toLowerCase() : q.variableNameLike;
    if (!matchesLike(name, pattern)) {
      return false;
    }
  }
  if (
    q.variableValue !== undefined &&
    !matchesScalar(variable.value, q.variableValue, q.variableValuesIgnoreCase === true)
  ) {
    return false;
  }
  return (
    matchesType(variable.value, q.variableTypeIn) &&
    inList(variable.executionId, q.executionIdIn) &&
    inList(variable.taskId, q.taskIdIn) &&
    inList(variable.processInstanceId, q.processInstanceIdIn) &&
    inList(variable.activityInstanceId, q.activityInstanceIdIn) &&
    inList(variable.name, q.variableNameIn) &&
    matchesTenant(variable.tenantId, q.tenantIdIn, q.withoutTenantId)
  );
}

export function findHistoricVariableInstances(
  engine: EngineApi,
  query: HistoricVariableInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricVariableInstanceRec[] {
  const matching = [...engine.historicVariableInstances()].filter((variable) =>
    matchesHistoricVariableInstance(variable, query),
  );
  return sortAndPage(matching, sortings, HISTORIC_VARIABLE_INSTANCE_SORT_KEYS, paging);
}

/** Field names as in Camunda's `HistoricDetailQueryDto` (this engine keeps no form fields). */
export interface HistoricDetailQuery {
  detailId?: string;
  processInstanceId?: string;
  executionId?: string;
  activityInstanceId?: string;
  variableInstanceId?: string;
  variableTypeIn?: string[];
  variableNameLike?: string;
  taskId?: string;
  formFields?: boolean;
  variableUpdates?: boolean;
  excludeTaskDetails?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  processInstanceIdIn?: string[];
  userOperationId?: string;
  occurredBefore?: number;
  occurredAfter?: number;
  initial?: boolean;
}

/** Camunda's sort keys of `HistoricDetailQueryDto`; `occurrence` is the order of writing. */
export const HISTORIC_DETAIL_SORT_KEYS: SortKeys<HistoricVariableUpdateRec> = {
  processInstanceId: (detail) => detail.processInstanceId,
  variableName: (detail) => detail.variableName,
  variableType: (detail) => detail.value.type.toLowerCase(),
  variableRevision: (detail) => detail.revision,
  formPropertyId: () => null,
  time: (detail) => detail.time,
  occurrence: (detail) => detail.seq,
  tenantId: (detail) => detail.tenantId,
};

export function matchesHistoricDetail(
  detail: HistoricVariableUpdateRec,
  q: HistoricDetailQuery,
): boolean {
  // Every detail of this engine is a variable update: asking for form fields only finds none.
  if (q.formFields === true && q.variableUpdates !== true) {
    return false;
  }
  if (q.excludeTaskDetails === true && detail.taskId !== null) {
    return false;
  }
  if (q.initial === true && !detail.initial) {
    return false;
  }
  if (q.occurredBefore !== undefined && detail.time > q.occurredBefore) {
    return false;
  }
  if (q.occurredAfter !== undefined && detail.time < q.occurredAfter) {
    return false;
  }
  if (q.variableNameLike !== undefined && !matchesLike(detail.variableName, q.variableNameLike)) {
    return false;
  }
  const equal: [string | null, string | undefined][] = [
    [detail.id, q.detailId],
    [detail.processInstanceId, q.processInstanceId],
    [detail.executionId, q.executionId],
    [detail.activityInstanceId, q.activityInstanceId],
    [detail.variableInstanceId, q.variableInstanceId],
    [detail.taskId, q.taskId],
    [detail.userOperationId, q.userOperationId],
  ];
  return (
    equal.every(([actual, expected]) => expected === undefined || actual === expected) &&
    matchesType(detail.value, q.variableTypeIn) &&
    inList(detail.processInstanceId, q.processInstanceIdIn) &&
    matchesTenant(detail.tenantId, q.tenantIdIn, q.withoutTenantId)
  );
}

export function findHistoricDetails(
  engine: EngineApi,
  query: HistoricDetailQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricVariableUpdateRec[] {
  const matching = [...engine.historicDetails()].filter((detail) =>
    matchesHistoricDetail(detail, query),
  );
  return sortAndPage(matching, sortings, HISTORIC_DETAIL_SORT_KEYS, paging);
}
