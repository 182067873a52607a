import { queryOptions } from '@tanstack/react-query';

import type { ProcessDefinitionStatisticsResultDto } from '../../../contract/camunda/repository';
import { engineRequest } from '../../api/engine-client';

/** Query keys of this feature, generic → specific, so any prefix can be invalidated. */
export const processDefinitionKeys = {
  all: ['process-definitions'] as const,
  statistics: () => [...processDefinitionKeys.all, 'statistics'] as const,
};

/** Query options of this feature, for `useQuery`, prefetching and cache updates alike. */
export const processDefinitionQueries = {
  /**
   * Every deployed definition version with its running instances and incidents, in one request
   * (`GET /process-definition/statistics?incidents=true`) instead of two counts per definition.
   */
  statistics: () =>
    queryOptions({
      queryKey: processDefinitionKeys.statistics(),
      queryFn: ({ signal }) => getProcessDefinitionStatistics(signal),
    }),
};

function getProcessDefinitionStatistics(
  signal: AbortSignal,
): Promise<ProcessDefinitionStatisticsResultDto[]> {
  return engineRequest('/process-definition/statistics', { query: { incidents: true }, signal });
}
