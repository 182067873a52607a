import { queryOptions } from '@tanstack/react-query';

import type { CountResultDto, SortingDto } from '../../../contract/camunda/common';
import type { HistoricProcessInstanceDto } from '../../../contract/camunda/history';
import type {
  ProcessInstanceDto,
  ProcessInstanceQueryDto,
} from '../../../contract/camunda/process-instance';
import type { ProcessDefinitionDiagramDto } from '../../../contract/camunda/repository';
import { engineRequest } from '../../api/engine-client';
import { processDefinitionQueries } from '../../api/process-definition-queries';
import { processDefinitionKeys, processInstanceKeys } from '../../api/query-keys';
import { normalizeFilters, toProcessInstanceQuery } from '../../lib/process-instance-query';
import type { ProcessInstanceFilters } from '../../lib/process-instance-query';
import { extractFlowNodes } from './extract-flow-nodes';
import type { FlowNode } from './extract-flow-nodes';
import { lookupVariableTypes } from './variable-type-lookup';

/** Rows per `POST /process-instance` request; the table fetches the pages it shows. */
export const PROCESS_INSTANCE_PAGE_SIZE = 50;

/** By instance id, as the engine sorts them: a stable order while instances come and go. */
const SORTING: SortingDto[] = [{ sortBy: 'instanceId', sortOrder: 'asc' }];

/** One instance list: a definition and the filters applied to its instances. */
export interface ProcessInstanceListQuery extends ProcessInstanceFilters {
  processDefinitionId: string;
}

/** One row of the instance table. */
export interface ProcessInstanceRow {
  id: string;
  businessKey: string | null;
  suspended: boolean;
  /** From the history; null when the engine keeps none (history level `none`). */
  startTime: string | null;
}

/** Query options of this feature, for `useQuery`, prefetching and cache updates alike. */
export const processInstanceListQueries = {
  /** The flow nodes of the definition's BPMN XML: the choices of the activity filter. */
  flowNodes: (processDefinitionId: string) =>
    queryOptions({
      ...processDefinitionQueries.xml(processDefinitionId),
      select: selectFlowNodes,
    }),

  /** `POST /process-instance/count` with the same query body as every page of the list. */
  count: (query: ProcessInstanceListQuery) =>
    queryOptions({
      queryKey: processInstanceKeys.count(normalizeQuery(query)),
      queryFn: ({ signal }) => getProcessInstanceCount(query, signal),
    }),

  /** Rows `pageIndex * PAGE_SIZE …` of the list, sorted by instance id for a stable order. */
  page: (query: ProcessInstanceListQuery, pageIndex: number) =>
    queryOptions({
      queryKey: processInstanceKeys.list(normalizeQuery(query), pageIndex),
      queryFn: ({ signal }) => getProcessInstancePage(query, pageIndex, signal),
    }),

  /** The types `name` has among the definition's running instances (see `lookupVariableTypes`). */
  variableTypes: (processDefinitionId: string, name: string) =>
    queryOptions({
      queryKey: [
        ...processDefinitionKeys.detail(processDefinitionId),
        'variable-types',
        name,
      ] as const,
      queryFn: ({ signal }) => lookupVariableTypes(processDefinitionId, name, signal),
    }),
};

/** The body of the list's requests: the one query object of these filters. */
export function toListQueryBody(query: ProcessInstanceListQuery): ProcessInstanceQueryDto {
  return toProcessInstanceQuery(query.processDefinitionId, query);
}

function normalizeQuery(query: ProcessInstanceListQuery): ProcessInstanceListQuery {
  return { processDefinitionId: query.processDefinitionId, ...normalizeFilters(query) };
}

function selectFlowNodes({ bpmn20Xml }: ProcessDefinitionDiagramDto): FlowNode[] {
  return extractFlowNodes(bpmn20Xml);
}

async function getProcessInstanceCount(
  query: ProcessInstanceListQuery,
  signal: AbortSignal,
): Promise<number> {
  const { count } = await engineRequest<CountResultDto>('/process-instance/count', {
    method: 'POST',
    body: toListQueryBody(query),
    signal,
  });
  return count;
}

/**
 * One page of the runtime list, plus the start times of its instances from the history: the
 * runtime `ProcessInstanceDto` has none. One history request per page (the page's ids as
 * `processInstanceIds`), never one per row.
 */
async function getProcessInstancePage(
  query: ProcessInstanceListQuery,
  pageIndex: number,
  signal: AbortSignal,
): Promise<ProcessInstanceRow[]> {
  // Camunda's POST query takes paging as URL parameters and sorting in the body.
  const instances = await engineRequest<ProcessInstanceDto[]>('/process-instance', {
    method: 'POST',
    query: {
      firstResult: pageIndex * PROCESS_INSTANCE_PAGE_SIZE,
      maxResults: PROCESS_INSTANCE_PAGE_SIZE,
    },
    body: { ...toListQueryBody(query), sorting: SORTING },
    signal,
  });
  if (instances.length === 0) {
    return [];
  }
  const history = await engineRequest<HistoricProcessInstanceDto[]>('/history/process-instance', {
    query: {
      processInstanceIds: instances.map(({ id }) => id).join(','),
      maxResults: PROCESS_INSTANCE_PAGE_SIZE,
    },
    signal,
  });
  const startTimes = new Map(history.map(({ id, startTime }) => [id, startTime]));
  return instances.map(({ id, businessKey, suspended }) => ({
    id,
    businessKey,
    suspended,
    startTime: startTimes.get(id) ?? null,
  }));
}
