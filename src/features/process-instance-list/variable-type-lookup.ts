/**
 * What type a variable has in the engine, so the operator compares it as what it is: the String
 * "00042" and the Integer 42 are different values to Camunda, and a condition of the wrong type
 * matches neither quietly.
 */
import type { ProcessInstanceDto } from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { engineRequest } from '../../api/engine-client';
import { numberTypesComparedWith } from '../../lib/process-instance-query';
import type { VariableFilter, VariableValueType } from '../../lib/process-instance-query';

/**
 * Running instances whose variables are looked at. Camunda has no variable query by process
 * definition, so the lookup takes instances of the definition and asks for their variables by
 * `executionIdIn`; 500 ids keep the SQL `IN` list within what every database Camunda supports
 * takes (Oracle: 1,000).
 */
export const TYPE_LOOKUP_INSTANCES = 500;

export interface VariableTypeLookup {
  /** Camunda's value types of the variable (`String`, `Integer`, …), most frequent first. */
  types: string[];
  /** How many running instances were looked at: all of them, or the first 500 by id. */
  instancesLookedAt: number;
}

/** The message a filter row shows under its type: what the engine holds, and whether it fits. */
export interface TypeHint {
  kind: 'info' | 'warning';
  text: string;
}

/**
 * The types of `name` among the process instance variables of the definition's running instances.
 * Process instance variables only (`executionIdIn` with the instance ids): a process instance
 * query's variable condition compares nothing else (`variableValueEquals` is process instance
 * scoped; Execution.xml compares `RES.ID_ = EXECUTION_ID_`).
 */
export async function lookupVariableTypes(
  processDefinitionId: string,
  name: string,
  signal: AbortSignal,
): Promise<VariableTypeLookup> {
  const instances = await engineRequest<ProcessInstanceDto[]>('/process-instance', {
    method: 'POST',
    query: { firstResult: 0, maxResults: TYPE_LOOKUP_INSTANCES },
    body: { processDefinitionId, sorting: [{ sortBy: 'instanceId', sortOrder: 'asc' }] },
    signal,
  });
  if (instances.length === 0) {
    return { types: [], instancesLookedAt: 0 };
  }
  const variables = await engineRequest<VariableInstanceDto[]>('/variable-instance', {
    method: 'POST',
    query: { firstResult: 0, maxResults: instances.length, deserializeValues: false },
    body: { variableName: name, executionIdIn: instances.map(({ id }) => id) },
    signal,
  });
  return {
    types: byFrequency(variables.flatMap(({ type }) => (type === null ? [] : [type]))),
    instancesLookedAt: instances.length,
  };
}

/** The filter type that compares with variables of Camunda's `type`; null when none can. */
export function filterTypeOf(type: string): VariableValueType | null {
  switch (type) {
    case 'String':
      return 'String';
    case 'Integer':
    case 'Long':
    case 'Short':
    case 'Double':
      return 'Number';
    case 'Boolean':
      return 'Boolean';
    case 'Date':
      return 'Date';
    default:
      return null;
  }
}

/** The type to preselect: the one the engine holds, when it holds exactly one queryable type. */
export function suggestedFilterType(lookup: VariableTypeLookup): VariableValueType | null {
  const [only, ...others] = lookup.types;
  return only === undefined || others.length > 0 ? null : filterTypeOf(only);
}

/**
 * Whether a condition of this type and value compares with variables of Camunda's `type`. A
 * number compares with every numeric type that holds it without loss (see
 * `numberTypesComparedWith`); an empty value is not read yet, so only the kind counts.
 */
export function comparesWith(
  filter: Pick<VariableFilter, 'type' | 'value'>,
  type: string,
): boolean {
  if (filterTypeOf(type) !== filter.type) {
    return false;
  }
  if (filter.type !== 'Number' || filter.value.trim() === '') {
    return true;
  }
  return (numberTypesComparedWith(filter.value) ?? []).some((compared) => compared === type);
}

/** What to tell the operator about a condition, given what the engine holds. */
export function typeHint(
  filter: Pick<VariableFilter, 'name' | 'type' | 'value'>,
  lookup: VariableTypeLookup,
): TypeHint {
  const name = filter.name.trim();
  if (lookup.types.length === 0) {
    return {
      kind: 'info',
      text:
        lookup.instancesLookedAt === 0
          ? 'No running instance to look its type up in.'
          : `No running instance has a variable ${name} (${lookedAt(lookup)}).`,
    };
  }
  const held =
    lookup.types.length === 1 ? withArticle(lookup.types.join('')) : lookup.types.join(' and ');
  if (lookup.types.some((type) => comparesWith(filter, type))) {
    return lookup.types.length === 1
      ? { kind: 'info', text: `${name} is ${held} in the engine (${lookedAt(lookup)}).` }
      : {
          kind: 'warning',
          text: `${name} is ${held} in different instances: this condition matches only the ${matchingTypes(filter, lookup)} ones.`,
        };
  }
  const queryable = lookup.types.filter((type) => filterTypeOf(type) !== null);
  if (queryable.length === 0) {
    return {
      kind: 'warning',
      text: `${name} is ${held} in the engine: Camunda cannot compare such values in a query.`,
    };
  }
  if (filter.type === 'Number' && queryable.some((type) => filterTypeOf(type) === 'Number')) {
    const compared = (numberTypesComparedWith(filter.value) ?? []).join(', ');
    return {
      kind: 'warning',
      text: `${name} is ${held} in the engine, but ${filter.value.trim()} can only be compared with ${compared} variables, which hold it without loss: this condition matches none of them.`,
    };
  }
  return {
    kind: 'warning',
    text: `${name} is ${held} in the engine: as ${withArticle(filter.type)} this condition matches none of them.`,
  };
}

function matchingTypes(
  filter: Pick<VariableFilter, 'type' | 'value'>,
  lookup: VariableTypeLookup,
): string {
  return lookup.types.filter((type) => comparesWith(filter, type)).join(' and ');
}

function lookedAt(lookup: VariableTypeLookup): string {
  return lookup.instancesLookedAt === TYPE_LOOKUP_INSTANCES
    ? `looked up in the first ${String(TYPE_LOOKUP_INSTANCES)} running instances`
    : `looked up in all ${String(lookup.instancesLookedAt)} running ${lookup.instancesLookedAt === 1 ? 'instance' : 'instances'}`;
}

function withArticle(word: string): string {
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}
