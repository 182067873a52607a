import { describe, expect, it } from 'vitest';
import { SortedIds } from './sorted-ids';

/** A deterministic sequence of ids in no order, repeating some, of mixed case and length. */
function* scrambled(count: number): Generator<string> {
  for (let index = 0; index < count; index++) {
    const value = (index * 7919) % 3001;
    yield `${index % 2 === 0 ? 'k' : 'K'}${String(value)}`;
  }
}

describe('SortedIds', () => {
  it('keeps ids in code unit order through adds and deletes across many chunks', () => {
    const ids = new SortedIds();
    const reference = new Set<string>();
    for (const id of scrambled(6000)) {
      ids.add(id);
      reference.add(id);
    }
    let index = 0;
    for (const id of [...reference]) {
      if (index++ % 3 === 0) {
        expect(ids.delete(id)).toBe(true);
        reference.delete(id);
      }
    }
    expect(ids.delete('not there')).toBe(false);
    const sorted = [...reference].sort();

    expect(ids.size).toBe(sorted.length);
    expect([...ids]).toEqual(sorted);
    expect([...ids.descending()]).toEqual([...sorted].reverse());
    for (const [first, count] of [
      [0, 50],
      [1023, 3],
      [2000, 1500],
      [sorted.length - 2, 50],
      [sorted.length, 5],
      [-5, 2],
      [10, 0],
    ] as const) {
      const from = Math.max(0, first);
      expect(ids.slice(first, count)).toEqual(sorted.slice(from, from + count));
      expect(ids.slice(first, count, true)).toEqual(
        [...sorted].reverse().slice(from, from + count),
      );
    }
    expect(ids.slice(0, Number.POSITIVE_INFINITY)).toEqual(sorted);

    for (const id of sorted) {
      ids.delete(id);
    }
    expect(ids.size).toBe(0);
    expect([...ids]).toEqual([]);
    ids.add('again');
    expect([...ids]).toEqual(['again']);
  });
});
