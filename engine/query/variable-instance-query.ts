/** `GET /variable-instance` filters and sort keys. */
import type { EngineApi, VariableView } from '../engine-api';
import type { Paging, Sorting, SortKeys } from './query-support';
import { matchesLike, sortAndPage } from './query-support';
import type { VariableCondition } from './variable-condition';
import { matchesAllConditions } from './variable-condition';

/** Field names as in Camunda's `VariableInstanceQueryDto`. */
export interface VariableInstanceQuery {
  variableName?: string;
  variableNameIn?: string[];
  variableNameLike?: string;
  variableValues?: VariableCondition[];
  variableNamesIgnoreCase?: boolean;
  variableValuesIgnoreCase?: boolean;
  processInstanceIdIn?: string[];
  executionIdIn?: string[];
  activityInstanceIdIn?: string[];
  taskIdIn?: string[];
  variableScopeIdIn?: string[];
  processDefinitionId?: string;
}

export const VARIABLE_INSTANCE_SORT_KEYS: SortKeys<VariableView> = {
  variableName: (variable) => variable.name,
  variableType: (variable) => variable.value.type,
  activityInstanceId: (variable) => variable.activityInstanceId,
  tenantId: () => null,
};

export function matchesVariableInstance(
  variable: VariableView,
  query: VariableInstanceQuery,
): boolean {
  const q = query;
  if (q.variableName !== undefined && variable.name !== q.variableName) {
    return false;
  }
  if (q.variableNameIn && !q.variableNameIn.includes(variable.name)) {
    return false;
  }
  if (q.variableNameLike !== undefined && !matchesLike(variable.name, q.variableNameLike)) {
    return false;
  }
  if (q.processInstanceIdIn && !q.processInstanceIdIn.includes(variable.processInstanceId)) {
    return false;
  }
  if (q.executionIdIn && !q.executionIdIn.includes(variable.executionId)) {
    return false;
  }
  if (q.activityInstanceIdIn && !q.activityInstanceIdIn.includes(variable.activityInstanceId)) {
    return false;
  }
  if (q.taskIdIn && !q.taskIdIn.includes(variable.taskId ?? '')) {
    return false;
  }
  if (q.variableScopeIdIn) {
    const scopeId = variable.taskId ?? variable.executionId;
    if (!q.variableScopeIdIn.includes(scopeId)) {
      return false;
    }
  }
  if (
    q.processDefinitionId !== undefined &&
    variable.processDefinitionId !== q.processDefinitionId
  ) {
    return false;
  }
  return matchesAllConditions(variable, q.variableValues, {
    namesIgnoreCase: q.variableNamesIgnoreCase,
    valuesIgnoreCase: q.variableValuesIgnoreCase,
  });
}

export function findVariableInstances(
  engine: EngineApi,
  query: VariableInstanceQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): VariableView[] {
  const matching = [...engine.variableInstances()].filter((v) => matchesVariableInstance(v, query));
  return sortAndPage(matching, sortings, VARIABLE_INSTANCE_SORT_KEYS, paging);
}
