import { queryOptions } from '@tanstack/react-query';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import type { JobDto } from '../../../contract/camunda/job';
import { engineRequest } from '../../api/engine-client';
import { isEngineError } from '../../api/engine-error';
import { BATCH_POLL_INTERVAL_MS } from '../../lib/polling';

/**
 * Where a batch created by "Apply as batch" stands. Camunda deletes a batch once its monitor job
 * finds every execution job gone (contract §4.9), so "gone" means done; its history then tells
 * when it ended (null when the engine keeps no history).
 */
export type ModificationBatchProgress =
  | { done: false; statistics: BatchStatisticsDto }
  | { done: true; historic: HistoricBatchDto | null };

/**
 * Query keys under the batches prefix, so the batch pages' invalidations reach them; the
 * `'modification-progress'` segment keeps them apart from those pages' own queries.
 */
export const modificationBatchKeys = {
  all: ['batches'] as const,
  progress: (batchId: string) =>
    [...modificationBatchKeys.all, 'modification-progress', batchId] as const,
  failedJobs: (batchId: string, batchJobDefinitionId: string) =>
    [...modificationBatchKeys.progress(batchId), 'failed-jobs', batchJobDefinitionId] as const,
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

  /**
   * The batch's execution jobs that threw (`GET /job?jobDefinitionId=&withException=true`), with
   * their exception messages; those at 0 retries block the batch.
   */
  failedJobs: (
    batchId: string,
    batchJobDefinitionId: string,
    pollIntervalMs: number | false = false,
  ) =>
    queryOptions({
      queryKey: modificationBatchKeys.failedJobs(batchId, batchJobDefinitionId),
      queryFn: ({ signal }) => getFailedJobs(batchJobDefinitionId, signal),
      refetchInterval: pollIntervalMs,
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

function getFailedJobs(batchJobDefinitionId: string, signal: AbortSignal): Promise<JobDto[]> {
  return engineRequest('/job', {
    query: { jobDefinitionId: batchJobDefinitionId, withException: true },
    signal,
  });
}
