import { describe, expect, it } from 'vitest';

import { formatStartTime } from './format-start-time';

describe('formatStartTime', () => {
  it('reads the offset Camunda writes without a colon', () => {
    const expected = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(new Date('2024-05-01T07:30:00.000Z'));

    expect(formatStartTime('2024-05-01T09:30:00.000+0200')).toBe(expected);
  });

  it('shows text that is no date as it came', () => {
    expect(formatStartTime('yesterday')).toBe('yesterday');
  });
});
