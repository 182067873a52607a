import { queryOptions } from '@tanstack/react-query';

import type { ActivityInstanceDto } from '../../contract/camunda/process-instance';
import { engineRequest } from './engine-client';
import { processInstanceKeys } from './query-keys';

/** Query options of the process instance resource, for `useQuery`, prefetching and `fetchQuery`. */
export const processInstanceQueries = {
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
};
