import { queryOptions } from '@tanstack/react-query';

import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import type { JobDto } from '../../../contract/camunda/job';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { engineRequest } from '../../api/engine-client';
import { processInstanceKeys } from '../../api/query-keys';

/** `GET /history/activity-instance` entries, as far as this feature reads them. */
export type HistoricActivityInstanceStartDto = Pick<
  HistoricActivityInstanceDto,
  'id' | 'activityId' | 'startTime'
>;

/** `GET /job` entries, as far as this feature reads them. */
export type JobCreateTimeDto = Pick<JobDto, 'executionId' | 'createTime'>;

/**
 * The instance's reads that only modification makes, under the instance's key: the invalidation
 * after any repair refreshes them too.
 */
const modificationReadKeys = {
  variableInstances: (processInstanceId: string) =>
    [...processInstanceKeys.detail(processInstanceId), 'modification-variables'] as const,
  runningActivityStarts: (query: { processInstanceId: string; unfinished: true }) =>
    processInstanceKeys.activityHistory(query),
};

/** Query options for what the plan is built on, for `useQuery` and `fetchQuery` alike. */
export const modificationQueries = {
  /**
   * Every variable of the instance with the activity instance it lives in: shown beside tokens
   * and scopes, and given to the preview. Serialized values, so no Java class is needed.
   */
  variableInstances: (processInstanceId: string) =>
    queryOptions({
      queryKey: modificationReadKeys.variableInstances(processInstanceId),
      queryFn: ({ signal }) => getVariableInstances(processInstanceId, signal),
    }),

  /**
   * When each running activity instance started (the tree does not say): from history, so it
   * is missing when the engine keeps none. Callers treat an error as "no start times".
   */
  startTimes: (processInstanceId: string) => {
    const query = { processInstanceId, unfinished: true } as const;
    return queryOptions({
      queryKey: modificationReadKeys.runningActivityStarts(query),
      queryFn: ({ signal }) =>
        engineRequest<HistoricActivityInstanceStartDto[]>('/history/activity-instance', {
          query,
          signal,
        }),
      retry: false,
    });
  },

  /**
   * Since when each waiting async continuation waits. A transition instance has no running
   * activity instance in history (before the activity, none has started; after it, it has
   * ended), but its job was created when the token reached the continuation, on the execution
   * that is the transition instance's id. Callers treat an error as "not known".
   */
  jobs: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.jobs(processInstanceId),
      queryFn: ({ signal }) => getJobs(processInstanceId, signal),
      retry: false,
    }),
};

function getVariableInstances(
  processInstanceId: string,
  signal: AbortSignal,
): Promise<VariableInstanceDto[]> {
  return engineRequest('/variable-instance', {
    query: { processInstanceIdIn: processInstanceId, deserializeValues: false },
    signal,
  });
}

function getJobs(processInstanceId: string, signal: AbortSignal): Promise<JobCreateTimeDto[]> {
  return engineRequest('/job', { query: { processInstanceId }, signal });
}
