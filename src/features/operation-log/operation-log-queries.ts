import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

import type { CountResultDto } from '../../../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { engineRequest } from '../../api/engine-client';
import { operationLogKeys, processInstanceKeys } from '../../api/query-keys';
import { parseCamundaDate, toCamundaDate } from '../../lib/camunda-date';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import { CHANGE_WINDOW_MS } from './reconstruct-changes';

/** Entries per request; "Load more" asks for the next page. */
export const OPERATION_LOG_PAGE_SIZE = 50;

/**
 * Filters of `GET /history/user-operation`, as Camunda's `UserOperationLogQueryDto` names them;
 * empty ones are left out.
 */
export interface OperationLogFilters {
  operationType?: string;
  entityType?: string;
  userId?: string;
  processInstanceId?: string;
  processDefinitionKey?: string;
  /** Camunda date: entries after this moment. */
  afterTimestamp?: string;
  /** Camunda date: entries before this moment. */
  beforeTimestamp?: string;
}

/** Query options of this feature, for `useQuery`, prefetching and cache updates alike. */
export const operationLogQueries = {
  /** The log, newest first, in pages of `OPERATION_LOG_PAGE_SIZE` entries. */
  list: (filters: OperationLogFilters) =>
    infiniteQueryOptions({
      queryKey: operationLogKeys.list(withoutEmpty(filters)),
      queryFn: ({ pageParam, signal }) => getUserOperationLog(filters, pageParam, signal),
      initialPageParam: 0,
      getNextPageParam: (lastPage, _allPages, lastFirstResult) =>
        lastPage.length < OPERATION_LOG_PAGE_SIZE
          ? undefined
          : lastFirstResult + OPERATION_LOG_PAGE_SIZE,
    }),

  /** How many entries (not operations) match, for "50 of 230 entries". */
  count: (filters: OperationLogFilters) =>
    queryOptions({
      queryKey: operationLogKeys.count(withoutEmpty(filters)),
      queryFn: ({ signal }) => getUserOperationLogCount(filters, signal),
      select: ({ count }: CountResultDto) => count,
    }),

  /**
   * The instance's operations close enough to `timestamp` to compete for its token changes
   * (twice the reconstruction window: an event between both belongs to the nearer one).
   */
  around: (processInstanceId: string, timestamp: string) =>
    queryOptions({
      queryKey: operationLogKeys.around(processInstanceId, timestamp),
      queryFn: ({ signal }) => getOperationsAround(processInstanceId, timestamp, signal),
    }),

  /** The instance's whole activity history, in one request, oldest first. */
  activityHistory: (processInstanceId: string) => {
    const query = { processInstanceId, sortBy: 'startTime', sortOrder: 'asc' };
    return queryOptions({
      queryKey: processInstanceKeys.activityHistory(query),
      queryFn: ({ signal }) =>
        engineRequest<HistoricActivityInstanceDto[]>('/history/activity-instance', {
          query,
          signal,
        }),
    });
  },
};

function getUserOperationLog(
  filters: OperationLogFilters,
  firstResult: number,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  return engineRequest('/history/user-operation', {
    query: {
      ...withoutEmpty(filters),
      sortBy: 'timestamp',
      sortOrder: 'desc',
      firstResult,
      maxResults: OPERATION_LOG_PAGE_SIZE,
    },
    signal,
  });
}

function getUserOperationLogCount(
  filters: OperationLogFilters,
  signal: AbortSignal,
): Promise<CountResultDto> {
  return engineRequest('/history/user-operation/count', {
    query: { ...withoutEmpty(filters) },
    signal,
  });
}

function getOperationsAround(
  processInstanceId: string,
  timestamp: string,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  const time = parseCamundaDate(timestamp) ?? 0;
  // Camunda's after/before bounds are exclusive: one more millisecond keeps the edges.
  const reach = 2 * CHANGE_WINDOW_MS + 1;
  return engineRequest('/history/user-operation', {
    query: {
      processInstanceId,
      afterTimestamp: toCamundaDate(time - reach),
      beforeTimestamp: toCamundaDate(time + reach),
      sortBy: 'timestamp',
      sortOrder: 'asc',
    },
    signal,
  });
}

/** Drops blank filters, so `{ userId: '' }` and `{}` share one cache entry and one URL. */
function withoutEmpty(filters: OperationLogFilters): OperationLogFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  );
}
