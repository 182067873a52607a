/**
 * Sorting, paging and LIKE matching over engine records, as Camunda's queries do them. Pure
 * functions: the REST layer validates the parameters and the engine stays free of HTTP.
 */

export type SortOrder = 'asc' | 'desc';

export interface Sorting<K extends string = string> {
  sortBy: K;
  sortOrder: SortOrder;
}

/** `firstResult`/`maxResults`; missing values mean "from the start" and "all". */
export interface Paging {
  firstResult?: number;
  maxResults?: number;
}

/** A value a record is sorted by. */
export type SortValue = string | number | boolean | null | undefined;

/** How to read each sort key of a record type. */
export type SortKeys<T> = Record<string, (item: T) => SortValue>;

/** Applies `firstResult`/`maxResults` (Camunda's `listPage`). */
export function page<T>(items: readonly T[], paging: Paging): T[] {
  const first = Math.max(0, paging.firstResult ?? 0);
  const max = paging.maxResults ?? Number.POSITIVE_INFINITY;
  if (max <= 0) {
    return [];
  }
  return items.slice(first, first + max);
}

/**
 * `page` over the items `visible` accepts, asking it only until the page is full: paging a
 * sorted list a user reads part of costs the items up to the page, not the whole list.
 */
export function pageWhere<T>(
  items: readonly T[],
  paging: Paging,
  visible: ((item: T) => boolean) | undefined,
): T[] {
  if (!visible) {
    return page(items, paging);
  }
  const first = Math.max(0, paging.firstResult ?? 0);
  const max = paging.maxResults ?? Number.POSITIVE_INFINITY;
  const result: T[] = [];
  let skipped = 0;
  for (const item of items) {
    if (result.length >= max) {
      break;
    }
    if (!visible(item)) {
      continue;
    }
    if (skipped < first) {
      skipped++;
    } else {
      result.push(item);
    }
  }
  return result;
}

/** Orders like a database: nulls first in ascending order, strings by code unit. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    return aNull === bNull ? 0 : aNull ? -1 : 1;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return Number(a) - Number(b);
  }
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Sorts by each sorting in turn (stable, so ties keep the engine's order). Sort keys must come
 * from `keys`; the REST layer rejects others before calling.
 */
export function sortRecords<T>(
  items: readonly T[],
  sortings: readonly Sorting[],
  keys: SortKeys<T>,
): T[] {
  const comparators = sortings.map(({ sortBy, sortOrder }) => {
    const read = keys[sortBy];
    if (!read) {
      throw new Error(`unknown sort key ${sortBy}`);
    }
    const sign = sortOrder === 'desc' ? -1 : 1;
    return (a: T, b: T) => sign * compareSortValues(read(a), read(b));
  });
  if (!comparators.length) {
    return [...items];
  }
  return [...items].sort((a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) {
        return result;
      }
    }
    return 0;
  });
}

/**
 * The records a query by instance id can match, looked up directly instead of scanning every
 * record: the instance list asks for the start times of one page by its 50 ids among 100 000.
 * Without ids, every record in the engine's order.
 */
export function candidatesById<T>(
  query: { processInstanceId?: string; processInstanceIds?: readonly string[] },
  lookup: (id: string) => T | undefined,
  all: () => Iterable<T>,
): T[] {
  const ids =
    query.processInstanceId !== undefined
      ? [query.processInstanceId]
      : query.processInstanceIds !== undefined
        ? [...new Set(query.processInstanceIds)]
        : null;
  if (ids === null) {
    return [...all()];
  }
  return ids.map(lookup).filter((record): record is T => record !== undefined);
}

/** Sorts, then pages. */
export function sortAndPage<T>(
  items: readonly T[],
  sortings: readonly Sorting[],
  keys: SortKeys<T>,
  paging: Paging,
): T[] {
  return page(sortRecords(items, sortings, keys), paging);
}

const likeCache = new Map<string, RegExp>();

/**
 * SQL `LIKE` as Camunda's queries use it: `%` is any run of characters, `_` one character, and a
 * backslash escapes either.
 */
export function matchesLike(value: string | null | undefined, pattern: string): boolean {
  if (value === null || value === undefined) {
    return false;
  }
  let regex = likeCache.get(pattern);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const char = pattern.charAt(i);
      if (char === '\\' && i + 1 < pattern.length) {
        source += escapeRegExp(pattern.charAt(++i));
      } else if (char === '%') {
        source += '[\\s\\S]*';
      } else if (char === '_') {
        source += '[\\s\\S]';
      } else {
        source += escapeRegExp(char);
      }
    }
    regex = new RegExp(`^${source}$`);
    if (likeCache.size > 500) {
      likeCache.clear();
    }
    likeCache.set(pattern, regex);
  }
  return regex.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** True when `value` is in `list`, or when no list is given. */
export function inList<T>(value: T, list: readonly T[] | undefined): boolean {
  return list === undefined || list.includes(value);
}

/** `tenantIdIn` plus `withoutTenantId`, as every Camunda query combines them. */
export function matchesTenant(
  tenantId: string | null,
  tenantIdIn: readonly string[] | undefined,
  withoutTenantId: boolean | undefined,
): boolean {
  if (tenantIdIn !== undefined && tenantIdIn.length && !tenantIdIn.includes(tenantId ?? '')) {
    return false;
  }
  return withoutTenantId !== true || tenantId === null;
}
