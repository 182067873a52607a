import { queryOptions } from '@tanstack/react-query';

import type {
  ActivityInstanceDto,
  HistoricActivityInstanceDto,
  VariableInstanceDto,
} from '../../../api/camunda-dto';
import { engineRequest } from '../../../api/engine-client';

/** `GET /history/activity-instance` entries, as far as this feature reads them. */
export type HistoricActivityInstanceStartDto = Pick<
  HistoricActivityInstanceDto,
  'id' | 'activityId' | 'startTime'
>;

/**
 * Query keys of the instance data this feature reads. They live under the instance prefix
 * `['process-instances']`, so the invalidation after any repair refreshes them too; the
 * `'modification'` segment keeps them apart from the instance page's own queries.
 */
export const modificationKeys = {
  all: ['process-instances'] as const,
  instance: (processInstanceId: string) =>
    [...modificationKeys.all, 'modification', processInstanceId] as const,
  activityInstances: (processInstanceId: string) =>
    [...modificationKeys.instance(processInstanceId), 'activity-instances'] as const,
  variableInstances: (processInstanceId: string) =>
    [...modificationKeys.instance(processInstanceId), 'variable-instances'] as const,
  startTimes: (processInstanceId: string) =>
    [...modificationKeys.instance(processInstanceId), 'start-times'] as const,
};

/** Query options for what the plan is built on, for `useQuery` and `fetchQuery` alike. */
export const modificationQueries = {
  /** The activity instance tree as it is now (`GET /process-instance/{id}/activity-instances`). */
  activityInstances: (processInstanceId: string) =>
    queryOptions({
      queryKey: modificationKeys.activityInstances(processInstanceId),
      queryFn: ({ signal }) => getActivityInstances(processInstanceId, signal),
    }),

  /**
   * Every variable of the instance with the activity instance it lives in: shown beside tokens
   * and scopes, and given to the preview. Serialized values, so no Java class is needed.
   */
  variableInstances: (processInstanceId: string) =>
    queryOptions({
      queryKey: modificationKeys.variableInstances(processInstanceId),
      queryFn: ({ signal }) => getVariableInstances(processInstanceId, signal),
    }),

  /**
   * When each running activity instance started (the tree does not say): from history, so it
   * is missing when the engine keeps none. Callers treat an error as "no start times".
   */
  startTimes: (processInstanceId: string) =>
    queryOptions({
      queryKey: modificationKeys.startTimes(processInstanceId),
      queryFn: ({ signal }) => getRunningActivityStarts(processInstanceId, signal),
      retry: false,
    }),
};

function getActivityInstances(
  processInstanceId: string,
  signal: AbortSignal,
): Promise<ActivityInstanceDto> {
  return engineRequest(
    `/process-instance/${encodeURIComponent(processInstanceId)}/activity-instances`,
    { signal },
  );
}

function getVariableInstances(
  processInstanceId: string,
  signal: AbortSignal,
): Promise<VariableInstanceDto[]> {
  return engineRequest('/variable-instance', {
    query: { processInstanceIdIn: processInstanceId, deserializeValues: false },
    signal,
  });
}

function getRunningActivityStarts(
  processInstanceId: string,
  signal: AbortSignal,
): Promise<HistoricActivityInstanceStartDto[]> {
  return engineRequest('/history/activity-instance', {
    query: { processInstanceId, unfinished: true },
    signal,
  });
}
