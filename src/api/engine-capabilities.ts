/**
 * What the console can find out about the engine it talks to that Camunda's REST API does not
 * state: whether it checks credentials at all, and the counts that reveal its history level
 * (`history-level.ts`). Both decide whether an operator's annotation reaches the user operation
 * log, which Camunda writes only at history level full and only for an authenticated user
 * (`UserOperationLogManager.isUserOperationLogEnabled`).
 */
import { queryOptions } from '@tanstack/react-query';

import type { CountResultDto, VersionDto } from '../../contract/camunda/common';
import { engineRequest } from './engine-client';
import { isEngineError } from './engine-error';
import { getEngineName } from './engine-selection';
import { HISTORY_COUNT_REQUESTS } from './history-level';
import type { HistoryCountName } from './history-level';

/** `on`: credentials that cannot be right are refused; `off`: the engine accepts anything. */
export type AuthenticationState = 'on' | 'off';

/** Query keys, per engine: each engine of a server has its own configuration and database. */
export const engineCapabilityKeys = {
  all: ['engine-capabilities'] as const,
  engine: (engineName: string) => [...engineCapabilityKeys.all, { engineName }] as const,
  authentication: (engineName: string) =>
    [...engineCapabilityKeys.engine(engineName), 'authentication'] as const,
  historyCount: (engineName: string, count: HistoryCountName) =>
    [...engineCapabilityKeys.engine(engineName), 'history-count', count] as const,
};

export const engineCapabilityQueries = {
  /**
   * Whether the engine checks credentials. Its configuration does not change while it runs, and
   * signing in or out starts afresh (the cache is cleared), so one answer per session is enough.
   */
  authentication: (engineName: string = getEngineName()) =>
    queryOptions({
      queryKey: engineCapabilityKeys.authentication(engineName),
      queryFn: ({ signal }) => probeAuthentication(signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),

  /** One count of `history-level.ts`; read again whenever it is stale, as the engine fills up. */
  historyCount: (count: HistoryCountName, engineName: string = getEngineName()) =>
    queryOptions({
      queryKey: engineCapabilityKeys.historyCount(engineName, count),
      queryFn: ({ signal }) =>
        engineRequest<CountResultDto>(HISTORY_COUNT_REQUESTS[count].path, {
          query: HISTORY_COUNT_REQUESTS[count].query,
          signal,
        }),
      select: ({ count: value }: CountResultDto) => value,
    }),
};

/**
 * Asks `GET /version` with credentials that cannot be right: a random user name and password.
 * `GET /engine` would not do, as Camunda's `ProcessEngineAuthenticationFilter` lets it through
 * without credentials. A user that does not exist is not locked out by Camunda's login attempt
 * limit, and the 401 does not sign the operator out (explicit credentials). Any other failure is
 * thrown: the console then does not know.
 */
async function probeAuthentication(signal: AbortSignal): Promise<AuthenticationState> {
  try {
    await engineRequest<VersionDto>('/version', { credentials: impossibleCredentials(), signal });
    return 'off';
  } catch (error) {
    if (isEngineError(error) && error.status === 401) {
      return 'on';
    }
    throw error;
  }
}

/** `crypto.getRandomValues`, not `randomUUID`: the latter needs a secure context (https). */
function impossibleCredentials() {
  const random = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
      byte.toString(16).padStart(2, '0'),
    ).join('');
  return { username: `repair-console-probe-${random()}`, password: random() };
}
