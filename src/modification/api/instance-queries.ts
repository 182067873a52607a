import { queryOptions } from '@tanstack/react-query';

import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import type { JobDto } from '../../../contract/camunda/job';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { engineRequest } from '../../api/engine-client';

/** `GET /history/activity-instance` entries, as far as this feature reads them. */
export type HistoricActivityInstanceStartDto = Pick<
  HistoricActivityInstanceDto,
  'id' | 'activityId' | 'startTime'
>;

/** `GET /job` entries, as far as this feature reads them. */
export type JobCreateTimeDto = Pick<JobDto, 'executionId' | 'createTime'>;

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
  jobs: (processInstanceId: string) =>
    [...modificationKeys.instance(processInstanceId), 'jobs'] as const,
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

  /**
   * Since when each waiting async continuation waits. A transition instance has no running
   * activity instance in history (before the activity, none has started; after it, it has
   * ended), but its job was created when the token reached the continuation, on the execution
   * that is the transition instance's id. Callers treat an error as "not known".
   */
  jobs: (processInstanceId: string) =>
    queryOptions({
      queryKey: modificationKeys.jobs(processInstanceId),
      queryFn: ({ signal }) => getJobs(processInstanceId, signal),
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

function getJobs(processInstanceId: string, signal: AbortSignal): Promise<JobCreateTimeDto[]> {
  return engineRequest('/job', { query: { processInstanceId }, signal });
}
