/**
 * Which instances a modification of many touches: ticked ids, or one query. The query object is
 * built here once and then used twice, unchanged – as the body of the count shown to the
 * operator and as the `processInstanceQuery` (or `historicProcessInstanceQuery`) of the request –
 * so the number on screen and the instances the engine selects come from the same filter.
 */
import type {
  HistoricProcessInstanceQueryDto,
  ProcessInstanceQueryDto,
  VariableQueryParameterDto,
} from '../../../api/camunda-dto';
import { toCamundaDate } from '../../../lib/camunda-date';
import { parseIsoDateTime } from './plan-variables';

/** The instance list's filters, as the definition page applies them. */
export interface BulkListFilters {
  /** Exact, or a `LIKE` pattern when it contains `%`. */
  businessKey?: string;
  /** Instances with an active activity instance of this flow node. */
  activityId?: string;
  withIncidents?: boolean;
  /** Camunda's `name_op_value` conditions, joined with commas. */
  variable?: string;
}

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
  | { kind: 'query'; filters: BulkListFilters; options: BulkQueryOptions };

/** The instance part of a `ModificationDto`: exactly one of the three sources. */
export type SelectedInstances =
  | { processInstanceIds: string[] }
  | { processInstanceQuery: ProcessInstanceQueryDto }
  | { historicProcessInstanceQuery: HistoricProcessInstanceQueryDto };

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

/** The instance source of the request; the one place the query object is built. */
export function toSelectedInstances(
  processDefinitionId: string,
  selection: BulkSelection,
): SelectedInstances {
  if (selection.kind === 'ids') {
    return { processInstanceIds: [...selection.processInstanceIds] };
  }
  const { filters, options } = selection;
  const businessKey = nonEmpty(filters.businessKey);
  const activityId = nonEmpty(filters.activityId);
  const variables = toVariableConditions(filters.variable);
  if (options.source === 'runtime') {
    return {
      processInstanceQuery: {
        processDefinitionId,
        ...(businessKey === undefined
          ? {}
          : businessKey.includes('%')
            ? { businessKeyLike: businessKey }
            : { businessKey }),
        ...(activityId === undefined ? {} : { activityIdIn: [activityId] }),
        ...(filters.withIncidents === true ? { withIncident: true } : {}),
        ...(variables.length === 0 ? {} : { variables }),
      },
    };
  }
  const startedAfter = toQueryDate(options.startedAfter);
  const startedBefore = toQueryDate(options.startedBefore);
  return {
    historicProcessInstanceQuery: {
      processDefinitionId,
      // Finished instances cannot be modified: without this the batch would fail for each.
      unfinished: true,
      ...(businessKey === undefined
        ? {}
        : businessKey.includes('%')
          ? { processInstanceBusinessKeyLike: businessKey }
          : { processInstanceBusinessKey: businessKey }),
      // `activeActivityIdIn` (unfinished historic activity instances) is the history side of
      // the runtime `activityIdIn`; `variables` match the historic variable instances, which
      // hold the current values (REST reference, "Get Historic Process Instances").
      ...(activityId === undefined ? {} : { activeActivityIdIn: [activityId] }),
      ...(filters.withIncidents === true ? { withIncidents: true } : {}),
      ...(variables.length === 0 ? {} : { variables }),
      ...(startedAfter === undefined ? {} : { startedAfter }),
      ...(startedBefore === undefined ? {} : { startedBefore }),
    },
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

/**
 * `amount_gt_100,status_eq_open` as the JSON conditions of a query body. Numbers and booleans
 * become JSON numbers and booleans, as Camunda compares typed values: `100` matches an Integer
 * variable, `"100"` only a String one.
 */
export function toVariableConditions(text: string | undefined): VariableQueryParameterDto[] {
  const trimmed = nonEmpty(text);
  if (trimmed === undefined) {
    return [];
  }
  return trimmed.split(',').map((condition) => {
    const [name = '', operator = 'eq', value = ''] = condition.split('_');
    return {
      name: name.trim(),
      operator: operator as VariableQueryParameterDto['operator'],
      value: toJsonValue(value),
    };
  });
}

function toJsonValue(text: string): string | number | boolean {
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  return text;
}

function toQueryDate(text: string): string | undefined {
  const epochMs = text.trim() === '' ? null : parseIsoDateTime(text);
  return epochMs === null ? undefined : toCamundaDate(epochMs);
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
