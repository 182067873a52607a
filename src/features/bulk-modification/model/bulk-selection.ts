/**
 * Which instances a modification of many touches: ticked ids, or one query. The query object is
 * the instance list's own (`toProcessInstanceQuery`, with typed variable values), built once and
 * then used unchanged as the body of the count shown to the operator, of the id lookup at review,
 * and as the `processInstanceQuery` (or `historicProcessInstanceQuery`) of the request.
 */
import type { HistoricProcessInstanceQueryDto } from '../../../../contract/camunda/history';
import type { ProcessInstanceQueryDto } from '../../../../contract/camunda/process-instance';
import {
  toHistoricProcessInstanceQuery,
  toProcessInstanceQuery,
} from '../../../lib/process-instance-query';
import type {
  ProcessInstanceFilters,
  SelectedInstances,
} from '../../../lib/process-instance-query';
import { parseIsoDateTime } from '../../../modification/model/plan-variables';

/** `runtime`: `ProcessInstanceQueryDto`; `history`: `HistoricProcessInstanceQueryDto` with `unfinished`. */
export type InstanceQuerySource = 'runtime' | 'history';

export interface BulkQueryOptions {
  source: InstanceQuerySource;
  /** `datetime-local` text in the browser's time zone, or empty; history queries only. */
  startedAfter: string;
  startedBefore: string;
}

export type BulkSelection =
  | { kind: 'ids'; processInstanceIds: string[] }
  | { kind: 'query'; filters: ProcessInstanceFilters; options: BulkQueryOptions };

/** How to learn the number of instances a selection touches. */
export type CountRequest =
  | { kind: 'known'; count: number }
  | { kind: 'runtime'; body: ProcessInstanceQueryDto }
  | { kind: 'history'; body: HistoricProcessInstanceQueryDto };

export const DEFAULT_QUERY_OPTIONS: BulkQueryOptions = {
  source: 'runtime',
  startedAfter: '',
  startedBefore: '',
};

/** Why the query options cannot be sent; null when they can. */
export function queryOptionsProblem(options: BulkQueryOptions): string | null {
  if (options.source === 'runtime') {
    return null;
  }
  for (const [label, text] of [
    ['Started after', options.startedAfter],
    ['Started before', options.startedBefore],
  ] as const) {
    if (text.trim() !== '' && parseIsoDateTime(text) === null) {
      return `${label} is not a date and time.`;
    }
  }
  return null;
}

/** The instance source of the request; the list's query object, or the ticked ids. */
export function toSelectedInstances(
  processDefinitionId: string,
  selection: BulkSelection,
): SelectedInstances {
  if (selection.kind === 'ids') {
    return { processInstanceIds: [...selection.processInstanceIds] };
  }
  const { filters, options } = selection;
  if (options.source === 'runtime') {
    return { processInstanceQuery: toProcessInstanceQuery(processDefinitionId, filters) };
  }
  return {
    historicProcessInstanceQuery: toHistoricProcessInstanceQuery(processDefinitionId, filters, {
      startedAfter: toEpochMs(options.startedAfter),
      startedBefore: toEpochMs(options.startedBefore),
    }),
  };
}

/** The count of the selection, asked with the very object the request carries. */
export function toCountRequest(instances: SelectedInstances): CountRequest {
  if ('processInstanceIds' in instances) {
    return { kind: 'known', count: instances.processInstanceIds.length };
  }
  if ('processInstanceQuery' in instances) {
    return { kind: 'runtime', body: instances.processInstanceQuery };
  }
  return { kind: 'history', body: instances.historicProcessInstanceQuery };
}

function toEpochMs(text: string): number | undefined {
  return text.trim() === '' ? undefined : (parseIsoDateTime(text) ?? undefined);
}
