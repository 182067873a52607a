import { describe, expect, it } from 'vitest';
import { candidatesById, matchesLike, page, sortRecords } from './query-support';

describe('matchesLike', () => {
  it('treats % and _ as SQL wildcards and backslash as escape', () => {
    expect(matchesLike('order-4711', 'order-%')).toBe(true);
    expect(matchesLike('order-4711', 'order-47_1')).toBe(true);
    expect(matchesLike('order-4711', 'order-47_')).toBe(false);
    expect(matchesLike('100%', '100\\%')).toBe(true);
    expect(matchesLike('1000', '100\\%')).toBe(false);
    expect(matchesLike('a.b', 'a_b')).toBe(true);
    expect(matchesLike(null, '%')).toBe(false);
  });
});

describe('page and sortRecords', () => {
  const items = [
    { id: 'b', n: 2 },
    { id: 'a', n: null },
    { id: 'c', n: 1 },
  ];
  const keys = {
    id: (item: (typeof items)[number]) => item.id,
    n: (item: (typeof items)[number]) => item.n,
  };

  it('sorts nulls first ascending and last descending', () => {
    expect(sortRecords(items, [{ sortBy: 'n', sortOrder: 'asc' }], keys).map((i) => i.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
    expect(sortRecords(items, [{ sortBy: 'n', sortOrder: 'desc' }], keys).map((i) => i.id)).toEqual(
      ['b', 'c', 'a'],
    );
  });

  it('pages with firstResult and maxResults', () => {
    expect(page([1, 2, 3, 4], { firstResult: 1, maxResults: 2 })).toEqual([2, 3]);
    expect(page([1, 2, 3], {})).toEqual([1, 2, 3]);
    expect(page([1, 2, 3], { maxResults: 0 })).toEqual([]);
  });
});

describe('candidatesById', () => {
  const records = new Map([
    ['a', { id: 'a' }],
    ['b', { id: 'b' }],
    ['c', { id: 'c' }],
  ]);
  const lookup = (id: string) => records.get(id);
  const all = () => records.values();

  it('looks the given ids up, once each, and skips unknown ones', () => {
    expect(candidatesById({ processInstanceIds: ['c', 'x', 'a', 'c'] }, lookup, all)).toEqual([
      { id: 'c' },
      { id: 'a' },
    ]);
    expect(candidatesById({ processInstanceId: 'b' }, lookup, all)).toEqual([{ id: 'b' }]);
  });

  it('gives every record without ids', () => {
    expect(candidatesById({}, lookup, all)).toHaveLength(3);
  });
});
