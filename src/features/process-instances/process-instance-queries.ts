import { queryOptions } from '@tanstack/react-query';

import type { HistoricProcessInstanceDto } from '../../../contract/camunda/history';
import type { IncidentDto } from '../../../contract/camunda/job';
import type {
  ActivityInstanceDto,
  ProcessInstanceDto,
} from '../../../contract/camunda/process-instance';
import type {
  ProcessDefinitionDiagramDto,
  ProcessDefinitionDto,
} from '../../../contract/camunda/repository';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { engineRequest } from '../../api/engine-client';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';

/**
 * Query keys of this feature, generic → specific. Everything read about one instance sits under
 * `instance(id)`, so a repair invalidates that one prefix.
 */
export const processInstanceKeys = {
  all: ['process-instances'] as const,
  instance: (processInstanceId: string) =>
    [...processInstanceKeys.all, 'instance', processInstanceId] as const,
  detail: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'detail'] as const,
  history: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'history'] as const,
  activityInstances: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'activity-instances'] as const,
  activityHistory: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'activity-history'] as const,
  variables: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'variables'] as const,
  incidents: (processInstanceId: string) =>
    [...processInstanceKeys.instance(processInstanceId), 'incidents'] as const,
  definition: (processDefinitionId: string) =>
    [...processInstanceKeys.all, 'definition', processDefinitionId] as const,
  definitionXml: (processDefinitionId: string) =>
    [...processInstanceKeys.definition(processDefinitionId), 'xml'] as const,
};

/** Query options of this feature, for `useQuery`, prefetching and cache updates alike. */
export const processInstanceQueries = {
  /** `GET /process-instance/{id}`: answers 404 once the instance has ended or was deleted. */
  detail: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.detail(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessInstanceDto>(`/process-instance/${encode(processInstanceId)}`, {
          signal,
        }),
    }),

  /** `GET /history/process-instance/{id}`: start time and state for the header. */
  history: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.history(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<HistoricProcessInstanceDto>(
          `/history/process-instance/${encode(processInstanceId)}`,
          { signal },
        ),
    }),

  /** `GET /process-instance/{id}/activity-instances`: the tree of where the tokens are. */
  activityInstances: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.activityInstances(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<ActivityInstanceDto>(
          `/process-instance/${encode(processInstanceId)}/activity-instances`,
          { signal },
        ),
    }),

  /**
   * `GET /history/activity-instance?processInstanceId=`: the start time of every activity
   * instance, finished ones included, in one request.
   */
  activityHistory: (processInstanceId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.activityHistory(processInstanceId),
      queryFn: ({ signal }) =>
        engineRequest<HistoricActivityInstanceDto[]>('/history/activity-instance', {
          query: { processInstanceId },
          signal,
        }),
    }),

  /**
   * `GET /variable-instance?processInstanceIdIn=`: the variables of every scope of the instance.
   * `deserializeValues=false` returns Object values as their serialized text, which the console
   * can show without the engine knowing the Java classes.
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

  /** `GET /process-definition/{id}`: name and version for the header. */
  definition: (processDefinitionId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.definition(processDefinitionId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessDefinitionDto>(`/process-definition/${encode(processDefinitionId)}`, {
          signal,
        }),
    }),

  /** `GET /process-definition/{id}/xml`: the BPMN XML the diagram draws. */
  definitionXml: (processDefinitionId: string) =>
    queryOptions({
      queryKey: processInstanceKeys.definitionXml(processDefinitionId),
      queryFn: ({ signal }) =>
        engineRequest<ProcessDefinitionDiagramDto>(
          `/process-definition/${encode(processDefinitionId)}/xml`,
          { signal },
        ),
      select: (diagram) => diagram.bpmn20Xml,
      // A deployed definition's XML never changes.
      staleTime: Infinity,
    }),
};

const encode = encodeURIComponent;
