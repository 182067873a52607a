import { describe, expect, it } from 'vitest';

import { parseCamundaDate, toCamundaDate } from './camunda-date';

describe('parseCamundaDate', () => {
  it('reads the colon-less offset Camunda writes', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.000+0200')).toBe(
      Date.UTC(2013, 0, 23, 12, 42, 45),
    );
    expect(parseCamundaDate('2013-01-23T14:42:45.123-0130')).toBe(
      Date.UTC(2013, 0, 23, 16, 12, 45, 123),
    );
  });

  it('also reads ISO offsets and UTC', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.5+02:00')).toBe(
      Date.UTC(2013, 0, 23, 12, 42, 45, 500),
    );
    expect(parseCamundaDate('2013-01-23T14:42:45Z')).toBe(Date.UTC(2013, 0, 23, 14, 42, 45));
  });

  it('returns null for anything else', () => {
    expect(parseCamundaDate(null)).toBeNull();
    expect(parseCamundaDate('yesterday')).toBeNull();
  });
});

describe('toCamundaDate', () => {
  it('writes UTC in the query-parameter format, and reads back', () => {
    const epochMs = Date.UTC(2024, 4, 1, 9, 3, 7, 45);
    expect(toCamundaDate(epochMs)).toBe('2024-05-01T09:03:07.045+0000');
    expect(parseCamundaDate(toCamundaDate(epochMs))).toBe(epochMs);
  });
});
