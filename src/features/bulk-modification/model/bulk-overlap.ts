/**
 * Which running modification batches may already work on the instances an operator selected:
 * each batch is attributed from what can be known (`attributeBatch`), and a batch known by a
 * query is compared with the selection as one query Camunda can count.
 */
import type { SelectedInstances } from '../../../lib/process-instance-query';

/**
 * The instances both sources select, as one source Camunda can count; null when no single query
 * expresses it (two queries that filter the same field differently, or runtime and history).
 */
export function intersectInstances(
  a: SelectedInstances,
  b: SelectedInstances,
): SelectedInstances | null {
  const shared = intersect(a, b);
  // Camunda refuses a query with an empty id list; no ids in common means no instances.
  return shared !== null && idsOf(shared)?.length === 0 ? { processInstanceIds: [] } : shared;
}

function idsOf(instances: SelectedInstances): readonly string[] | null | undefined {
  if ('processInstanceIds' in instances) {
    return instances.processInstanceIds;
  }
  return 'processInstanceQuery' in instances
    ? instances.processInstanceQuery.processInstanceIds
    : instances.historicProcessInstanceQuery.processInstanceIds;
}

function intersect(a: SelectedInstances, b: SelectedInstances): SelectedInstances | null {
  if ('processInstanceIds' in a && 'processInstanceIds' in b) {
    const other = new Set(b.processInstanceIds);
    return { processInstanceIds: a.processInstanceIds.filter((id) => other.has(id)) };
  }
  if ('processInstanceIds' in a) {
    return restrictToIds(b, a.processInstanceIds);
  }
  if ('processInstanceIds' in b) {
    return restrictToIds(a, b.processInstanceIds);
  }
  if ('processInstanceQuery' in a && 'processInstanceQuery' in b) {
    const merged = mergeQueries(a.processInstanceQuery, b.processInstanceQuery);
    return merged === null ? null : { processInstanceQuery: merged };
  }
  if ('historicProcessInstanceQuery' in a && 'historicProcessInstanceQuery' in b) {
    const merged = mergeQueries(a.historicProcessInstanceQuery, b.historicProcessInstanceQuery);
    return merged === null ? null : { historicProcessInstanceQuery: merged };
  }
  return null;
}

function restrictToIds(source: SelectedInstances, ids: string[]): SelectedInstances {
  if ('processInstanceIds' in source) {
    return intersect(source, { processInstanceIds: ids }) ?? { processInstanceIds: [] };
  }
  const restrict = <Q extends { processInstanceIds?: string[] | null }>(query: Q): Q => {
    const known = query.processInstanceIds;
    return {
      ...query,
      processInstanceIds:
        known === undefined || known === null ? ids : ids.filter((id) => known.includes(id)),
    };
  };
  return 'processInstanceQuery' in source
    ? { processInstanceQuery: restrict(source.processInstanceQuery) }
    : { historicProcessInstanceQuery: restrict(source.historicProcessInstanceQuery) };
}

/** Both queries' conditions together: id lists intersect, variable conditions add up. */
function mergeQueries<Q extends object>(a: Q, b: Q): Q | null {
  const merged: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    if (existing === undefined || isEqual(existing, value)) {
      merged[key] = value;
    } else if (key === 'processInstanceIds' && Array.isArray(existing) && Array.isArray(value)) {
      merged[key] = existing.filter((id) => value.includes(id));
    } else if (key === 'variables' && Array.isArray(existing) && Array.isArray(value)) {
      merged[key] = [...(existing as unknown[]), ...(value as unknown[])];
    } else {
      return null;
    }
  }
  return merged as Q;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
