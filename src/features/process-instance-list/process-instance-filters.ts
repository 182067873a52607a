/**
 * The filters of the instance list, as the URL holds them (`?businessKey=…&variable=…`), and the
 * one mapping from them to the engine's query parameters. No dependencies: the route table reads
 * the URL with it, and it lands in the first screen's bundle.
 */

/** What the operator filters by; every field is optional, and absent means "any". */
export interface ProcessInstanceFilters {
  /** Exact, or a `LIKE` pattern when it contains `%`. */
  businessKey?: string;
  /** A flow node id: instances with an active activity instance there. */
  activityId?: string;
  withIncidents?: boolean;
  /** Camunda's `name_op_value` syntax, several joined with commas. */
  variable?: string;
}

/** One instance list: a definition and the filters applied to its instances. */
export interface ProcessInstanceListQuery extends ProcessInstanceFilters {
  processDefinitionId: string;
}

export const VARIABLE_OPERATORS = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like'] as const;

export const VARIABLE_FILTER_HINT = 'Use name_eq_value, e.g. amount_gt_100';

/**
 * Whether `text` is a `variables` parameter Camunda's `VariableListConverter` accepts: conditions
 * joined by `,`, each split by `_` into exactly name, operator and value. So neither names nor
 * values may contain `_` or `,`, and (Java's `split` drops trailing empties) the value is not
 * empty. https://docs.camunda.org/manual/latest/reference/rest/process-instance/get-query/
 */
export function isVariableFilter(text: string): boolean {
  return text.split(',').every((condition) => {
    const parts = condition.split('_');
    const [name = '', operator = '', value = ''] = parts;
    return (
      parts.length === 3 &&
      name.trim() !== '' &&
      (VARIABLE_OPERATORS as readonly string[]).includes(operator) &&
      value !== ''
    );
  });
}

/**
 * Reads the filters from URL search params, dropping empty and malformed ones. The router parses
 * values that look like JSON, so a business key `1042` arrives as a number.
 */
export function toProcessInstanceFilters(search: Record<string, unknown>): ProcessInstanceFilters {
  return normalizeFilters({
    businessKey: toText(search.businessKey),
    activityId: toText(search.activityId),
    withIncidents: search.withIncidents === true || search.withIncidents === 'true',
    variable: toText(search.variable),
  });
}

/** The filters without empty fields, so equal filters give equal URLs and query keys. */
export function normalizeFilters(filters: ProcessInstanceFilters): ProcessInstanceFilters {
  const businessKey = filters.businessKey?.trim();
  const activityId = filters.activityId?.trim();
  const variable = filters.variable?.trim();
  return {
    ...(businessKey ? { businessKey } : {}),
    ...(activityId ? { activityId } : {}),
    ...(filters.withIncidents === true ? { withIncidents: true } : {}),
    ...(variable ? { variable } : {}),
  };
}

export function hasFilters(filters: ProcessInstanceFilters): boolean {
  return Object.keys(normalizeFilters(filters)).length > 0;
}

/**
 * The `GET /process-instance` (and `/count`) parameters of one list. The list and its count both
 * come from here, so they can never filter differently.
 */
export function toProcessInstanceQueryParams(
  query: ProcessInstanceListQuery,
): Record<string, string | boolean> {
  const { businessKey, activityId, withIncidents, variable } = normalizeFilters(query);
  return {
    processDefinitionId: query.processDefinitionId,
    ...(businessKey === undefined
      ? {}
      : businessKey.includes('%')
        ? { businessKeyLike: businessKey }
        : { businessKey }),
    ...(activityId === undefined ? {} : { activityIdIn: activityId }),
    ...(withIncidents === true ? { withIncident: true } : {}),
    ...(variable === undefined ? {} : { variables: variable }),
  };
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' ? String(value) : undefined;
}
