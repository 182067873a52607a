import { queryOptions } from '@tanstack/react-query';

import type {
  ProcessDefinitionDiagramDto,
  ProcessDefinitionDto,
  ProcessDefinitionStatisticsResultDto,
} from '../../contract/camunda/repository';
import { engineRequest } from './engine-client';
import { processDefinitionKeys } from './query-keys';

/** Query options of the process definition resource, for `useQuery`, prefetching and `fetchQuery`. */
export const processDefinitionQueries = {
  /**
   * Every deployed definition version with its running instances and incidents, in one request
   * (`GET /process-definition/statistics?incidents=true`) instead of two counts per definition.
   */
  statistics: () =>
    queryOptions({
      queryKey: processDefinitionKeys.statistics(),
      queryFn: ({ signal }) =>
        engineRequest<ProcessDefinitionStatisticsResultDto[]>('/process-definition/statistics', {
          query: { incidents: true },
          signal,
        }),
    }),

  /** `GET /process-definition/{id}`: name, key and version for page headers. */
  detail: (processDefinitionId: string) =>
    queryOptions({
      queryKey: processDefinitionKeys.detail(processDefinitionId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessDefinitionDto>(
          `/process-definition/${encodeURIComponent(processDefinitionId)}`,
          { signal },
        ),
    }),

  /** `GET /process-definition/{id}/xml`: the BPMN XML; callers `select` what they need of it. */
  xml: (processDefinitionId: string) =>
    queryOptions({
      queryKey: processDefinitionKeys.xml(processDefinitionId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessDefinitionDiagramDto>(
          `/process-definition/${encodeURIComponent(processDefinitionId)}/xml`,
          { signal },
        ),
      // A deployed definition's XML never changes.
      staleTime: Infinity,
    }),

  /** The BPMN XML as text, for the diagram. */
  bpmn20Xml: (processDefinitionId: string) =>
    queryOptions({
      ...processDefinitionQueries.xml(processDefinitionId),
      select: selectBpmn20Xml,
    }),
};

function selectBpmn20Xml(diagram: ProcessDefinitionDiagramDto): string {
  return diagram.bpmn20Xml;
}
