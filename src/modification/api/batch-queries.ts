import { queryOptions } from '@tanstack/react-query';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import { engineRequest } from '../../api/engine-client';
import { isEngineError } from '../../api/engine-error';
import { batchKeys } from '../../api/query-keys';
import { BATCH_POLL_INTERVAL_MS } from '../../lib/polling';

/**
 * Where a batch created by "Apply as batch" stands. Camunda deletes a batch once its monitor job
 * finds every execution job gone (Camunda's `BatchMonitorJobHandler`), so "gone" means done; its history then tells
 * when it ended (null when the engine keeps no history).
 */
export type ModificationBatchProgress =
  | { done: false; statistics: BatchStatisticsDto }
  | { done: true; historic: HistoricBatchDto | null };

/** Under the batch's own key, so the batch pages' invalidations reach it. */
const modificationBatchKeys = {
  progress: (batchId: string) => [...batchKeys.detail(batchId), 'modification-progress'] as const,
};

export const modificationBatchQueries = {
  /**
   * The batch's counts (`GET /batch/statistics?batchId=`, a `BatchDto` plus its job counts in
   * one request), polled until the batch is settled: gone, suspended, or blocked by jobs that
   * have no retries left – nothing moves then until someone acts, so polling would only load
   * the engine. A refetch (or the batch pages) picks it up again.
   */
  progress: (batchId: string, pollIntervalMs: number = BATCH_POLL_INTERVAL_MS) =>
    queryOptions({
      queryKey: modificationBatchKeys.progress(batchId),
      queryFn: ({ signal }) => getBatchProgress(batchId, signal),
      refetchInterval: (query) => (isBatchSettled(query.state.data) ? false : pollIntervalMs),
      refetchIntervalInBackground: false,
    }),
};

/**
 * True when polling would show nothing new: the batch is done or suspended. A stuck batch (only
 * failed jobs left) is still polled, as on the batch dashboard: a retry by anyone, from any
 * console, sets it going again.
 */
export function isBatchSettled(progress: ModificationBatchProgress | undefined): boolean {
  if (progress === undefined) {
    return false;
  }
  return progress.done || progress.statistics.suspended;
}

async function getBatchProgress(
  batchId: string,
  signal: AbortSignal,
): Promise<ModificationBatchProgress> {
  const [statistics] = await engineRequest<BatchStatisticsDto[]>('/batch/statistics', {
    query: { batchId },
    signal,
  });
  if (statistics !== undefined) {
    return { done: false, statistics };
  }
  return { done: true, historic: await getHistoricBatch(batchId, signal) };
}

async function getHistoricBatch(
  batchId: string,
  signal: AbortSignal,
): Promise<HistoricBatchDto | null> {
  try {
    return await engineRequest<HistoricBatchDto>(`/history/batch/${encodeURIComponent(batchId)}`, {
      signal,
    });
  } catch (error) {
    // History level "none": the batch is gone and left no trace, which still means done.
    if (isEngineError(error) && error.status === 404) {
      return null;
    }
    throw error;
  }
}
