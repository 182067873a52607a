import { queryOptions } from '@tanstack/react-query';

import type {
  HistoricActivityInstanceDto,
  HistoricProcessInstanceDto,
} from '../../contract/camunda/history';
import type { IncidentDto } from '../../contract/camunda/job';
import type {
  ActivityInstanceDto,
  ProcessInstanceDto,
} from '../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../contract/camunda/variables';
import { engineRequest } from './engine-client';
import { processInstanceKeys } from './query-keys';

/** Query options of the process instance resource, for `useQuery`, prefetching and `fetchQuery`. */
export const processInstanceQueries = {
  /** `GET /process-instance/{id}`: answers 404 once the instance has ended or was deleted. */
  detail: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.detail(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessInstanceDto>(
          `/process-instance/${encodeURIComponent(processInstanceId)}`,
          { signal },
        ),
    }),

  /**
   * `GET /process-instance/{id}/activity-instances`: the tree of where the tokens are, which the
   * instance page draws and a modification is planned on.
   */
  activityInstances: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.activityInstances(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<ActivityInstanceDto>(
          `/process-instance/${encodeURIComponent(processInstanceId)}/activity-instances`,
          { signal },
        ),
    }),

  /**
   * `GET /variable-instance?processInstanceIdIn=`: the variables of every scope of the instance,
   * by name. `deserializeValues=false` returns Object values as their serialized text, which the
   * console can show without the engine knowing the Java classes.
   */
  variables: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.variables(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<VariableInstanceDto[]>('/variable-instance', {
          query: {
            processInstanceIdIn: processInstanceId,
            deserializeValues: false,
            sortBy: 'variableName',
            sortOrder: 'asc',
          },
          signal,
        }),
    }),

  /** `GET /incident?processInstanceId=`: the open incidents of the instance itself. */
  incidents: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.incidents(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<IncidentDto[]>('/incident', { query: { processInstanceId }, signal }),
    }),

  /** `GET /history/process-instance/{id}`: start time and state, also once the instance ended. */
  history: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.history(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<HistoricProcessInstanceDto>(
          `/history/process-instance/${encodeURIComponent(processInstanceId)}`,
          { signal },
        ),
    }),

  /**
   * `GET /history/activity-instance?processInstanceId=`: the start time of every activity
   * instance, finished ones included, in one request.
   */
  activityHistory: (processInstanceId: string) => {
    const query = { processInstanceId };
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
