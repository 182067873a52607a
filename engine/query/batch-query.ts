/**
 * `GET /batch`, `GET /batch/statistics` and `GET /history/batch` filters and sort keys, as Camunda's
 * REST `BatchQueryDto`, `BatchStatisticsQueryDto` and `HistoricBatchQueryDto` read them.
 */
import type { BatchStatistics } from '../batch/batch-runner';
import type { EngineApi } from '../engine-api';
import type { BatchRec, HistoricBatchRec } from '../runtime/state';
import type { Paging, SortKeys, Sorting } from './query-support';
import { matchesTenant, sortAndPage } from './query-support';

/** Field names as in Camunda's `BatchQueryDto`. */
export interface BatchQuery {
  batchId?: string;
  type?: string;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  suspended?: boolean;
}

/** Field names as in Camunda's `BatchStatisticsQueryDto`. */
export interface BatchStatisticsQuery extends BatchQuery {
  createdBy?: string;
  startedBefore?: number;
  startedAfter?: number;
  withFailures?: boolean;
  withoutFailures?: boolean;
}

export interface BatchWithStatistics {
  batch: BatchRec;
  statistics: BatchStatistics;
}

export const BATCH_SORT_KEYS: SortKeys<BatchRec> = {
  batchId: (batch) => batch.id,
  tenantId: (batch) => batch.tenantId,
};

export const BATCH_STATISTICS_SORT_KEYS: SortKeys<BatchWithStatistics> = {
  batchId: ({ batch }) => batch.id,
  tenantId: ({ batch }) => batch.tenantId,
  startTime: ({ batch }) => batch.startTime,
};

export function matchesBatch(batch: BatchRec, query: BatchQuery): boolean {
  const q = query;
  if (q.batchId !== undefined && batch.id !== q.batchId) {
    return false;
  }
  if (q.type !== undefined && batch.type !== q.type) {
    return false;
  }
  // Camunda's `suspended` filter: true selects suspended batches, false active ones.
  if (q.suspended !== undefined && batch.suspended !== q.suspended) {
    return false;
  }
  return matchesTenant(batch.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findBatches(
  engine: EngineApi,
  query: BatchQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): BatchRec[] {
  const matching = [...engine.batches()].filter((batch) => matchesBatch(batch, query));
  return sortAndPage(matching, sortings, BATCH_SORT_KEYS, paging);
}

export function findBatchStatistics(
  engine: EngineApi,
  query: BatchStatisticsQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): BatchWithStatistics[] {
  const q = query;
  const matching = [...engine.batches()]
    .filter((batch) => matchesBatch(batch, q))
    .filter((batch) => q.createdBy === undefined || batch.createUserId === q.createdBy)
    .filter((batch) => q.startedBefore === undefined || batch.startTime <= q.startedBefore)
    .filter((batch) => q.startedAfter === undefined || batch.startTime >= q.startedAfter)
    .map((batch) => ({ batch, statistics: engine.batchStatistics(batch) }))
    .filter(({ statistics }) => q.withFailures !== true || statistics.failedJobs > 0)
    .filter(({ statistics }) => q.withoutFailures !== true || statistics.failedJobs === 0);
  return sortAndPage(matching, sortings, BATCH_STATISTICS_SORT_KEYS, paging);
}

/** Field names as in Camunda's `HistoricBatchQueryDto`. */
export interface HistoricBatchQuery {
  batchId?: string;
  type?: string;
  completed?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const HISTORIC_BATCH_SORT_KEYS: SortKeys<HistoricBatchRec> = {
  batchId: (batch) => batch.id,
  startTime: (batch) => batch.startTime,
  endTime: (batch) => batch.endTime,
  tenantId: (batch) => batch.tenantId,
};

export function matchesHistoricBatch(batch: HistoricBatchRec, query: HistoricBatchQuery): boolean {
  const q = query;
  if (q.batchId !== undefined && batch.id !== q.batchId) {
    return false;
  }
  if (q.type !== undefined && batch.type !== q.type) {
    return false;
  }
  if (q.completed !== undefined && (batch.endTime !== null) !== q.completed) {
    return false;
  }
  return matchesTenant(batch.tenantId, q.tenantIdIn, q.withoutTenantId);
}

export function findHistoricBatches(
  engine: EngineApi,
  query: HistoricBatchQuery,
  sortings: readonly Sorting[] = [],
  paging: Paging = {},
): HistoricBatchRec[] {
  const matching = [...engine.historicBatches()].filter((batch) =>
    matchesHistoricBatch(batch, query),
  );
  return sortAndPage(matching, sortings, HISTORIC_BATCH_SORT_KEYS, paging);
}
