import { describe, expect, it } from 'vitest';
import { formatCamundaDate, parseCamundaDate } from './camunda-date';

describe('formatCamundaDate', () => {
  it('writes yyyy-MM-ddTHH:mm:ss.SSS+0000', () => {
    expect(formatCamundaDate(Date.UTC(2013, 0, 23, 14, 42, 45))).toBe(
      '2013-01-23T14:42:45.000+0000',
    );
    expect(formatCamundaDate(Date.UTC(2024, 11, 31, 23, 59, 59, 7))).toBe(
      '2024-12-31T23:59:59.007+0000',
    );
  });

  it('keeps null', () => {
    expect(formatCamundaDate(null)).toBeNull();
  });
});

describe('parseCamundaDate', () => {
  it("reads Camunda's format with any offset", () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.000+0200')).toBe(
      Date.UTC(2013, 0, 23, 12, 42, 45),
    );
    expect(parseCamundaDate('2013-01-23T14:42:45.000-0130')).toBe(
      Date.UTC(2013, 0, 23, 16, 12, 45),
    );
  });

  it('reads ISO 8601 with Z or a colon offset, milliseconds optional', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45Z')).toBe(Date.UTC(2013, 0, 23, 14, 42, 45));
    expect(parseCamundaDate('2013-01-23T14:42:45.123+02:00')).toBe(
      Date.UTC(2013, 0, 23, 12, 42, 45, 123),
    );
  });

  it('round-trips what it formats', () => {
    const now = Date.UTC(2020, 1, 29, 1, 2, 3, 456);
    expect(parseCamundaDate(formatCamundaDate(now) ?? '')).toBe(now);
  });

  it('refuses dates without offset and impossible dates', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45')).toBeNull();
    expect(parseCamundaDate('2013-02-30T00:00:00Z')).toBeNull();
    expect(parseCamundaDate('yesterday')).toBeNull();
  });
});
