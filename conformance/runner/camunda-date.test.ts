import { describe, expect, it } from 'vitest';

import { formatCamundaDate, parseCamundaDate } from './camunda-date';
import { clockOffsetFrom, queryString } from './rest-client';

describe('Camunda dates', () => {
  it('are written in UTC with milliseconds and +0000', () => {
    expect(formatCamundaDate(new Date(Date.UTC(2026, 0, 2, 10, 0, 0, 7)))).toBe(
      '2026-01-02T10:00:00.007+0000',
    );
  });

  it('are read with an offset that has no colon', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.000+0200')).toBe(
      Date.UTC(2013, 0, 23, 12, 42, 45),
    );
    expect(parseCamundaDate('2013-01-23T14:42:45.000-0130')).toBe(
      Date.UTC(2013, 0, 23, 16, 12, 45),
    );
    expect(parseCamundaDate(null)).toBeNull();
    expect(parseCamundaDate('soon')).toBeNaN();
  });

  it('keep their + when sent in a query string', () => {
    expect(queryString({ afterTimestamp: '2026-01-02T10:00:00.000+0000', skip: undefined })).toBe(
      '?afterTimestamp=2026-01-02T10%3A00%3A00.000%2B0000',
    );
    expect(queryString({ a: ['x', 'y'], b: true })).toBe('?a=x%2Cy&b=true');
  });
});

describe('clockOffsetFrom', () => {
  const sentAt = Date.UTC(2026, 0, 2, 10, 0, 0, 0);

  it('ignores differences below the Date header resolution', () => {
    const headers = new Headers({ date: new Date(sentAt + 1_500).toUTCString() });
    expect(clockOffsetFrom(headers, sentAt, sentAt)).toBe(0);
  });

  it('measures a larger difference from the middle of the exchange', () => {
    const headers = new Headers({ date: new Date(sentAt + 60_000).toUTCString() });
    expect(clockOffsetFrom(headers, sentAt, sentAt + 200)).toBe(59_900);
    expect(clockOffsetFrom(new Headers(), sentAt, sentAt)).toBe(0);
  });
});
