import { describe, expect, it } from 'vitest';
import { randomUuid } from './random-uuid';

describe('randomUuid', () => {
  it('gives version 4 UUIDs, as crypto.randomUUID does', () => {
    for (let index = 0; index < 1000; index++) {
      expect(randomUuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('never repeats itself, across many refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomUuid()));
    expect(ids.size).toBe(10_000);
  });
});
