/**
 * Which running modification batches may already work on the instances an operator selected.
 * Camunda's REST API does not list a batch's instances, so each batch is attributed from what
 * can be known, and nothing is guessed:
 *
 * - batches this console created for many instances: the request it recorded (ids or query);
 * - batches of `POST /process-instance/{id}/modification-async`: Camunda writes one
 *   `ModifyProcessInstance` entry naming the instance when it creates the batch, but without the
 *   batch id (contract §2.3, §4.10). The entry is matched to the batch by its creating user and
 *   its start time, and only when exactly one modification request was logged then;
 * - anything else is reported as a batch whose instances cannot be known.
 */
import type { BatchDto, UserOperationLogEntryDto } from '../../../api/camunda-dto';
import type { BulkBatchRecord } from './bulk-batch-records';
import type { SelectedInstances } from './bulk-selection';
import { parseIsoDateTime } from './plan-variables';

/**
 * How far apart a batch's start time and the log entry of the request that created it may be.
 * Camunda takes both in one command; a second leaves room for a slow transaction.
 */
export const BATCH_LOG_MATCH_WINDOW_MS = 1_000;

export type BatchAttribution =
  | { kind: 'instances'; batch: BatchDto; processInstanceIds: string[]; source: AttributionSource }
  | { kind: 'query'; batch: BatchDto; instances: SelectedInstances }
  | { kind: 'otherDefinition'; batch: BatchDto }
  | { kind: 'unknown'; batch: BatchDto; reason: string };

/** `recorded`: this console kept the request; `operationLog`: the entry named the instance. */
export type AttributionSource = 'recorded' | 'operationLog';

/** The `[after, before]` timestamps of log entries that may belong to this batch's creation. */
export function batchLogWindow(batch: BatchDto): { after: number; before: number } | null {
  const start = batch.startTime === null ? null : parseIsoDateTime(batch.startTime);
  return start === null
    ? null
    : { after: start - BATCH_LOG_MATCH_WINDOW_MS, before: start + BATCH_LOG_MATCH_WINDOW_MS };
}

/**
 * What is known of one running `instance-modification` batch. `logEntries` are the
 * `ModifyProcessInstance` entries of its creating user around its start time.
 */
export function attributeBatch(
  batch: BatchDto,
  processDefinitionId: string,
  record: BulkBatchRecord | undefined,
  logEntries: readonly UserOperationLogEntryDto[],
): BatchAttribution {
  if (record !== undefined) {
    if (record.processDefinitionId !== processDefinitionId) {
      return { kind: 'otherDefinition', batch };
    }
    return 'processInstanceIds' in record.instances
      ? {
          kind: 'instances',
          batch,
          processInstanceIds: record.instances.processInstanceIds,
          source: 'recorded',
        }
      : { kind: 'query', batch, instances: record.instances };
  }
  const operations = groupBy(
    logEntries.filter(
      (entry) =>
        entry.operationType === 'ModifyProcessInstance' &&
        (entry.processInstanceId !== null || entry.property === 'nrOfInstances') &&
        entry.userId === batch.createUserId,
    ),
    (entry) => entry.operationId,
  );
  if (operations.length !== 1) {
    return {
      kind: 'unknown',
      batch,
      reason:
        operations.length === 0
          ? 'it was not created here, and the operation log has no modification request of its creator at its start time'
          : 'it was not created here, and its creator sent several modification requests at its start time',
    };
  }
  const [entry] = operations[0] ?? [];
  if (entry === undefined) {
    return { kind: 'unknown', batch, reason: 'it was not created here' };
  }
  if (entry.processDefinitionId !== null && entry.processDefinitionId !== processDefinitionId) {
    return { kind: 'otherDefinition', batch };
  }
  if (entry.processInstanceId !== null && batch.totalJobs === 1) {
    return {
      kind: 'instances',
      batch,
      processInstanceIds: [entry.processInstanceId],
      source: 'operationLog',
    };
  }
  const count = entry.property === 'nrOfInstances' ? (entry.newValue ?? '?') : '?';
  return {
    kind: 'unknown',
    batch,
    reason: `it was created elsewhere for ${count} instances of this definition, and Camunda does not say which`,
  };
}

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

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  }
  return [...groups.values()];
}
