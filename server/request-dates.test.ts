import { describe, expect, it } from 'vitest';
import type { ExceptionDto } from '../contract/camunda/common';
import { createTestApp, twoTaskProcess } from './testing/test-app';

/** One instance started at 2024-01-15T10:30:0xZ (the test clock). */
async function fixture() {
  const test = createTestApp();
  await test.deploy('p.bpmn', twoTaskProcess());
  await test.start('twoTasks');
  return test;
}

const BEFORE_START = '2024-01-15T10:29:00.000+0000';
const AFTER_START = '2024-01-15T12:31:00.000+0200';

describe('date query parameters: DateConverter with yyyy-MM-ddTHH:mm:ss.SSSZ', () => {
  it('reads the format, with any offset and its lenient field widths', async () => {
    const { request } = await fixture();
    const count = async (query: string) => {
      const response = await request('GET', `/history/process-instance/count?${query}`);
      expect(response.status, response.text).toBe(200);
      return (response.body as { count: number }).count;
    };
    expect(await count(`startedAfter=${encodeURIComponent(BEFORE_START)}`)).toBe(1);
    expect(await count(`startedAfter=${encodeURIComponent(AFTER_START)}`)).toBe(0);
    expect(await count(`startedBefore=${encodeURIComponent(AFTER_START)}`)).toBe(1);
    expect(await count(`startedBefore=${encodeURIComponent('2024-1-15T12:31:0.0+0200')}`)).toBe(1);
    // An empty value is a null date: no filter.
    expect(await count('startedAfter=')).toBe(1);
  });

  it('refuses other spellings with 400, as Camunda words it', async () => {
    const { request } = await fixture();
    for (const value of [
      '2024-01-15T10:29:00Z',
      '2024-01-15T10:29:00.000Z',
      '2024-01-15T10:29:00.000+02:00',
      '2024-01-15T10:29:00+0200',
      '2024-01-15',
      // An unencoded + is a space in a query string.
      '2024-01-15T10:29:00.000 0200',
    ]) {
      const response = await request(
        'GET',
        `/history/process-instance?startedAfter=${encodeURIComponent(value)}`,
      );
      expect(response.status, value).toBe(400);
      expect(response.body).toEqual({
        type: 'InvalidRequestException',
        message: `Cannot set query parameter 'startedAfter' to value '${value}': Cannot convert value "${value}" to java type java.util.Date`,
        code: null,
      });
    }
    const quoted = await request('GET', `/history/process-instance?startedAfter=%22x%22`);
    expect(quoted.status).toBe(400);
    expect((quoted.body as ExceptionDto).message).toBe(
      `Cannot set query parameter 'startedAfter' to value '"x"': Cannot convert value "x" to java type java.util.Date because of double quotes`,
    );
  });
});

describe('date fields of JSON bodies: Jackson with yyyy-MM-ddTHH:mm:ss.SSSZ', () => {
  it('reads the format, epoch milliseconds, and empty text as no date', async () => {
    const { request } = await fixture();
    const count = async (json: unknown) => {
      const response = await request('POST', '/history/process-instance/count', { json });
      expect(response.status, response.text).toBe(200);
      return (response.body as { count: number }).count;
    };
    expect(await count({ startedAfter: BEFORE_START })).toBe(1);
    expect(await count({ startedAfter: AFTER_START })).toBe(0);
    expect(await count({ startedAfter: Date.UTC(2024, 0, 15, 10, 29) })).toBe(1);
    expect(await count({ startedAfter: Date.UTC(2024, 0, 15, 10, 31) })).toBe(0);
    expect(await count({ startedAfter: '' })).toBe(1);
  });

  it('refuses other spellings with 400 and the empty message of a mapping failure', async () => {
    const { request } = await fixture();
    for (const value of ['2024-01-15T10:29:00Z', '2024-01-15T10:29:00.000+02:00', '2024-01-15']) {
      const response = await request('POST', '/history/process-instance', {
        json: { startedAfter: value },
      });
      expect(response.status, value).toBe(400);
      expect(response.body).toEqual({ type: 'InvalidRequestException', message: '', code: null });
    }
  });
});
