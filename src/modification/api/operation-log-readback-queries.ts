import { queryOptions } from '@tanstack/react-query';

import type { BatchDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { engineRequest } from '../../api/engine-client';
import { isEngineError } from '../../api/engine-error';
import { parseCamundaDate, toCamundaDate } from '../../lib/camunda-date';
import {
  afterTimestampOf,
  BATCH_LOG_WINDOW_MS,
  groupOperations,
  MODIFY_PROCESS_INSTANCE,
  operationsSince,
  toBaseline,
} from '../model/operation-log-readback';
import type { OperationLogBaseline, OperationLogScope } from '../model/operation-log-readback';

/** Entries read for a baseline: enough to hold every operation of the newest instant. */
const BASELINE_ENTRIES = 20;
/** Entries read after sending: the modification's own, and any others logged meanwhile. */
const READBACK_ENTRIES = 50;

/** When and by whom a batch was created, as the engine tells (runtime or history). */
export type BatchCreation = Pick<BatchDto, 'id' | 'type' | 'startTime' | 'createUserId'>;

/**
 * Query keys of the read-back. Not under the operation log's prefix (`['operation-log']`), which
 * every repair invalidates: a baseline read before sending must not be read again after it.
 */
export const operationLogReadbackKeys = {
  all: ['operation-log-readback'] as const,
  baseline: (scope: OperationLogScope) =>
    [...operationLogReadbackKeys.all, 'baseline', scope] as const,
  since: (scope: OperationLogScope, baseline: OperationLogBaseline) =>
    [...operationLogReadbackKeys.all, 'since', { scope, baseline }] as const,
  batch: (batchId: string) => [...operationLogReadbackKeys.all, 'batch', { batchId }] as const,
  batchCreation: (batch: BatchCreation, scope: OperationLogScope | null) =>
    [...operationLogReadbackKeys.all, 'batch-creation', { batch, scope }] as const,
};

export const operationLogReadbackQueries = {
  /**
   * What the log holds for the scope while the review is open. Never reused: a later review
   * reads it afresh (no cache time), as the baseline must precede the request it is for.
   */
  baseline: (scope: OperationLogScope) =>
    queryOptions({
      queryKey: operationLogReadbackKeys.baseline(scope),
      queryFn: ({ signal }) => getNewestEntries(scope, signal),
      select: toBaseline,
      staleTime: 0,
      gcTime: 0,
    }),

  /** The operations logged for the scope since the baseline, oldest first. */
  since: (scope: OperationLogScope, baseline: OperationLogBaseline) =>
    queryOptions({
      queryKey: operationLogReadbackKeys.since(scope, baseline),
      queryFn: ({ signal }) => getEntriesAfter(scope, baseline.newestTimestamp, signal),
      select: (entries: UserOperationLogEntryDto[]) => operationsSince(entries, scope, baseline),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  /** The batch's creation time and user: the running batch, else its history (level full). */
  batch: (batchId: string) =>
    queryOptions({
      queryKey: operationLogReadbackKeys.batch(batchId),
      queryFn: ({ signal }) => getBatchCreation(batchId, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  /**
   * The modification entries its creator logged from the batch's start on, within
   * `BATCH_LOG_WINDOW_MS`, oldest first: the first operation is the batch's own.
   */
  batchCreation: (batch: BatchCreation & { startTime: string }, scope: OperationLogScope | null) =>
    queryOptions({
      queryKey: operationLogReadbackKeys.batchCreation(batch, scope),
      queryFn: ({ signal }) => getEntriesAtBatchStart(batch, scope, signal),
      select: (entries: UserOperationLogEntryDto[]) => groupOperations(entries, scope ?? undefined),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

function getNewestEntries(
  scope: OperationLogScope,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  return engineRequest('/history/user-operation', {
    query: {
      ...scope,
      operationType: MODIFY_PROCESS_INSTANCE,
      sortBy: 'timestamp',
      sortOrder: 'desc',
      maxResults: BASELINE_ENTRIES,
    },
    signal,
  });
}

function getEntriesAfter(
  scope: OperationLogScope,
  newestTimestamp: string | null,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  return engineRequest('/history/user-operation', {
    query: {
      ...scope,
      operationType: MODIFY_PROCESS_INSTANCE,
      afterTimestamp: afterTimestampOf(newestTimestamp),
      sortBy: 'timestamp',
      sortOrder: 'asc',
      maxResults: READBACK_ENTRIES,
    },
    signal,
  });
}

function getEntriesAtBatchStart(
  batch: BatchCreation & { startTime: string },
  scope: OperationLogScope | null,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  const start = parseCamundaDate(batch.startTime) ?? 0;
  return engineRequest('/history/user-operation', {
    query: {
      ...scope,
      operationType: MODIFY_PROCESS_INSTANCE,
      userId: batch.createUserId,
      afterTimestamp: afterTimestampOf(batch.startTime),
      beforeTimestamp: toCamundaDate(start + BATCH_LOG_WINDOW_MS),
      sortBy: 'timestamp',
      sortOrder: 'asc',
      maxResults: READBACK_ENTRIES,
    },
    signal,
  });
}

/** A finished batch is gone from `/batch`; `/history/batch` keeps it at history level full. */
async function getBatchCreation(batchId: string, signal: AbortSignal): Promise<BatchCreation> {
  const path = `/batch/${encodeURIComponent(batchId)}`;
  try {
    return await engineRequest<BatchDto>(path, { signal });
  } catch (error) {
    if (!isEngineError(error) || error.status !== 404) {
      throw error;
    }
    return engineRequest<HistoricBatchDto>(`/history${path}`, { signal });
  }
}
