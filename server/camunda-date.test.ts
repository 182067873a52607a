import { describe, expect, it } from 'vitest';
import { parseCamundaDate } from '../engine/camunda-date';
import { formatCamundaDate } from './camunda-date';

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

describe('formatCamundaDate and parseCamundaDate', () => {
  it('round-trips what it formats', () => {
    const now = Date.UTC(2020, 1, 29, 1, 2, 3, 456);
    expect(parseCamundaDate(formatCamundaDate(now) ?? '')).toBe(now);
  });
});
