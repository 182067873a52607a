import { queryOptions } from '@tanstack/react-query';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import { engineRequest } from '../../api/engine-client';
import { batchKeys, historicBatchKeys, jobKeys } from '../../api/query-keys';
import { BATCH_POLL_INTERVAL_MS } from '../../lib/polling';
import { hasRunning } from './has-running';

/** `GET /history/batch` filters, as Camunda names them. */
export interface HistoricBatchFilters {
  completed?: boolean;
  sortBy?: 'batchId' | 'startTime' | 'endTime' | 'tenantId';
  sortOrder?: 'asc' | 'desc';
  maxResults?: number;
}

/** The dashboard's finished batches: the latest 50 to end. */
export const FINISHED_BATCHES_FILTERS: HistoricBatchFilters = {
  completed: true,
  sortBy: 'endTime',
  sortOrder: 'desc',
  maxResults: 50,
};

/**
 * One batch's page: the runtime batch with its statistics while it exists, else the historic
 * batch (Camunda's monitor job deletes a batch once it is done; only its history stays).
 */
export type BatchDetail =
  { finished: false; batch: BatchStatisticsDto } | { finished: true; batch: HistoricBatchDto };

/** Query options of this feature, for `useQuery`, prefetching and cache updates alike. */
export const batchQueries = {
  /**
   * Every running batch with its progress, in ONE request for the whole list
   * (`GET /batch/statistics`). Polls while some batch is still active and the tab is visible,
   * and stops by itself when every batch has finished or is suspended.
   */
  statistics: (pollIntervalMs: number = BATCH_POLL_INTERVAL_MS) =>
    queryOptions({
      queryKey: batchKeys.statistics(),
      queryFn: ({ signal }) => getBatchStatistics(signal),
      refetchInterval: (query) => (hasRunning(query.state.data) ? pollIntervalMs : false),
      refetchIntervalInBackground: false,
    }),

  /** Finished batches from history (`GET /history/batch`). */
  history: (filters: HistoricBatchFilters) =>
    queryOptions({
      queryKey: historicBatchKeys.list(filters),
      queryFn: ({ signal }) => getHistoricBatches(filters, signal),
    }),

  /**
   * One batch, running or finished. `GET /batch/statistics?batchId=` answers a `BatchDto` plus its
   * counts in one request, so `GET /batch/{id}` is not needed; polls like the list does.
   */
  detail: (id: string, pollIntervalMs: number = BATCH_POLL_INTERVAL_MS) =>
    queryOptions({
      queryKey: batchKeys.detail(id),
      queryFn: ({ signal }) => getBatchDetail(id, signal),
      refetchInterval: (query) => (isActiveDetail(query.state.data) ? pollIntervalMs : false),
      refetchIntervalInBackground: false,
    }),

  /** A job's stack trace, as text (`GET /job/{id}/stacktrace`); fetched when first shown. */
  stacktrace: (jobId: string) =>
    queryOptions({
      queryKey: jobKeys.stacktrace(jobId),
      queryFn: ({ signal }) => getJobStacktrace(jobId, signal),
    }),
};

/** True while the batch of a detail query exists and runs by itself (see `hasRunning`). */
export function isActiveDetail(detail: BatchDetail | undefined): boolean {
  return detail !== undefined && !detail.finished && hasRunning([detail.batch]);
}

function getBatchStatistics(signal: AbortSignal): Promise<BatchStatisticsDto[]> {
  return engineRequest('/batch/statistics', { signal });
}

function getHistoricBatches(
  filters: HistoricBatchFilters,
  signal: AbortSignal,
): Promise<HistoricBatchDto[]> {
  return engineRequest('/history/batch', { query: { ...filters }, signal });
}

async function getBatchDetail(id: string, signal: AbortSignal): Promise<BatchDetail> {
  const [running] = await engineRequest<BatchStatisticsDto[]>('/batch/statistics', {
    query: { batchId: id },
    signal,
  });
  if (running !== undefined) {
    return { finished: false, batch: running };
  }
  const historic = await engineRequest<HistoricBatchDto>(
    `/history/batch/${encodeURIComponent(id)}`,
    { signal },
  );
  return { finished: true, batch: historic };
}

function getJobStacktrace(jobId: string, signal: AbortSignal): Promise<string> {
  return engineRequest(`/job/${encodeURIComponent(jobId)}/stacktrace`, {
    responseType: 'text',
    signal,
  });
}
