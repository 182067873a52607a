import { describe, expect, it } from 'vitest';
import { exceedsJsonNestingDepth } from './json-nesting';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('exceedsJsonNestingDepth', () => {
  it('counts arrays and objects, up to and past the limit', () => {
    expect(exceedsJsonNestingDepth(nested(3), 3)).toBe(false);
    expect(exceedsJsonNestingDepth(nested(4), 3)).toBe(true);
    expect(exceedsJsonNestingDepth('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(exceedsJsonNestingDepth('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonNestingDepth(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(exceedsJsonNestingDepth(JSON.stringify(['\\"[[[[', '"{{{{']), 1)).toBe(false);
  });

  it('measures depth, not the number of containers', () => {
    const wide = JSON.stringify(Array.from({ length: 5_000 }, () => [{}]));
    expect(exceedsJsonNestingDepth(wide, 3)).toBe(false);
  });
});
