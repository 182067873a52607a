import { QueryClient } from '@tanstack/react-query';
import type { DefaultOptions } from '@tanstack/react-query';

import { isEngineError } from '../api/engine-error';

/** How long fetched engine state counts as fresh: instances change under an operator's eyes. */
export const QUERY_STALE_TIME_MS = 5_000;
const MAX_QUERY_RETRIES = 2;

/**
 * The console's QueryClient, with its defaults set here and only here. Tests pass
 * `{ retry: false }` so that error states show at once.
 */
export function createQueryClient(queryOverrides: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: QUERY_STALE_TIME_MS,
        retry: shouldRetry,
        ...queryOverrides,
      },
      mutations: {
        // A repair is never repeated behind the operator's back.
        retry: false,
      },
    },
  });
}

/** Retries network failures and 5xx answers; a 4xx will not change by asking again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isEngineError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < MAX_QUERY_RETRIES;
}
