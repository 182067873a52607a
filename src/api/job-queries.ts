import { queryOptions } from '@tanstack/react-query';

import type { JobDto } from '../../contract/camunda/job';
import { engineRequest } from './engine-client';
import { jobKeys } from './query-keys';

/** Query options of the job resource, for `useQuery`, prefetching and `fetchQuery`. */
export const jobQueries = {
  /**
   * The jobs of a job definition that have thrown (`GET /job?jobDefinitionId=&withException=true`),
   * with their exception messages, whether retries are left or not; for a batch's execution job
   * definition, those at 0 retries are the ones that block the batch. `pollIntervalMs` follows
   * the batch's own polling, since jobs fail while it runs.
   */
  failedJobs: (jobDefinitionId: string, pollIntervalMs: number | false = false) => {
    const query = { jobDefinitionId, withException: true };
    return queryOptions({
      queryKey: jobKeys.list(query),
      queryFn: ({ signal }) => engineRequest<JobDto[]>('/job', { query, signal }),
      refetchInterval: pollIntervalMs,
      refetchIntervalInBackground: false,
    });
  },
};
