import { describe, expect, it } from 'vitest';

import {
  formatCamundaDate,
  formatCamundaTimestamp,
  parseCamundaDate,
  toCamundaDate,
} from './camunda-date';

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

describe('formatCamundaDate', () => {
  it('reads the offset Camunda writes without a colon', () => {
    const expected = new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(new Date('2024-05-01T07:30:00.000Z'));

    expect(formatCamundaDate('2024-05-01T09:30:00.000+0200')).toBe(expected);
  });

  it('shows a dash for no date and text that is no date as it came', () => {
    expect(formatCamundaDate(null)).toBe('–');
    expect(formatCamundaDate('yesterday')).toBe('yesterday');
  });
});

describe('formatCamundaTimestamp', () => {
  it('writes the moment in the browser time zone, seconds included', () => {
    const epochMs = Date.UTC(2024, 4, 1, 7, 30, 5);
    const local = new Date(epochMs);
    const pad = (value: number) => String(value).padStart(2, '0');
    expect(formatCamundaTimestamp('2024-05-01T09:30:05.000+0200')).toBe(
      `${String(local.getFullYear())}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ` +
        `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`,
    );
  });

  it('shows a dash for no date', () => {
    expect(formatCamundaTimestamp('')).toBe('–');
  });
});
