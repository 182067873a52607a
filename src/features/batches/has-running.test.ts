import { describe, expect, it } from 'vitest';

import { hasRunning } from './has-running';

describe('hasRunning', () => {
  it('is false before the first answer and when no batch is left', () => {
    expect(hasRunning(undefined)).toBe(false);
    expect(hasRunning([])).toBe(false);
  });

  it('is false when every batch is suspended', () => {
    expect(hasRunning([{ suspended: true }, { suspended: true }])).toBe(false);
  });

  it('is true as soon as one batch is active', () => {
    expect(hasRunning([{ suspended: true }, { suspended: false }])).toBe(true);
  });
});
