import { describe, expect, it } from 'vitest';
import { parseCamundaDate, readDateText, readQuotedDate } from './camunda-date';

// Expected values are what Java 17's new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse
// returns for the same text (Camunda's JacksonConfigurator format).
describe('parseCamundaDate: SimpleDateFormat yyyy-MM-ddTHH:mm:ss.SSSZ', () => {
  it('reads the format with an RFC 822 offset', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.000+0200')).toBe(1358944965000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000-0130')).toBe(1358957565000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000-0000')).toBe(
      Date.UTC(2013, 0, 23, 14, 42, 45),
    );
  });

  it('refuses ISO 8601 spellings that are not the format', () => {
    for (const text of [
      '2013-01-23T14:42:45.123+02:00',
      '2013-01-23T14:42:45Z',
      '2013-01-23T14:42:45.000Z',
      '2013-01-23T14:42:45+0200',
      '2013-01-23',
      '2013-01-23T14:42:45.000+02',
      '2013-01-23T14:42:45.000+2400',
      '2013-01-23T14:42:45,000+0000',
      '+2013-01-23T14:42:45.000+0000',
    ]) {
      expect(parseCamundaDate(text), text).toBeNull();
    }
  });

  it('reads GMT and UTC zones, and ignores text after the zone', () => {
    expect(parseCamundaDate('2013-01-23T14:42:45.000GMT+02:00')).toBe(1358944965000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000GMT+2:00')).toBe(1358944965000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000gmt-01:30')).toBe(1358957565000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000UTC')).toBe(1358952165000);
    expect(parseCamundaDate('2013-01-23T14:42:45.000GMT+0200')).toBeNull();
    expect(parseCamundaDate('2013-01-23T14:42:45.000+0200garbage')).toBe(1358944965000);
  });

  it('reads fields leniently: any digit count, blanks before a field, roll-over', () => {
    // `SSS` reads "5" as 5 milliseconds, not 500.
    expect(parseCamundaDate('2013-01-23T14:42:45.5+0200')).toBe(1358944965005);
    expect(parseCamundaDate('2013-1-2T3:4:5.6+0000')).toBe(1357095845006);
    expect(parseCamundaDate('2013- 01-23T 14:42:45.000 +0200')).toBe(1358944965000);
    expect(parseCamundaDate('2013-02-30T00:00:00.000+0000')).toBe(1362182400000);
    expect(parseCamundaDate('2013-13-01T00:00:00.000+0000')).toBe(1388534400000);
    expect(parseCamundaDate('2013-00-00T00:00:00.000+0000')).toBe(1354233600000);
    expect(parseCamundaDate('2013-01-23T25:61:61.1001+0000')).toBe(1358992922001);
    expect(parseCamundaDate('2013-01-23T-1:00:00.000+0000')).toBe(1358895600000);
    expect(parseCamundaDate('2013-01-23T14:42:45.99999999999+0000')).toBe(1360167917191);
  });

  it('counts days in the Julian calendar before the Gregorian cutover', () => {
    expect(parseCamundaDate('1582-10-15T00:00:00.000+0000')).toBe(-12219292800000);
    expect(parseCamundaDate('1582-10-04T00:00:00.000+0000')).toBe(-12219379200000);
    expect(parseCamundaDate('1582-10-10T00:00:00.000+0000')).toBe(-12218860800000);
    expect(parseCamundaDate('1000-03-01T00:00:00.000+0000')).toBe(-30604608000000);
    expect(parseCamundaDate('-0044-03-15T12:00:00.000+0000')).toBe(-63549489600000);
  });
});

describe("readDateText: Jackson's java.util.Date from a JSON string", () => {
  it('trims, and reads empty text and "null" as a null date', () => {
    expect(readDateText(' 2013-01-23T14:42:45.000+0200\n')).toEqual({
      kind: 'date',
      epochMs: 1358944965000,
    });
    expect(readDateText('')).toEqual({ kind: 'null' });
    expect(readDateText('  ')).toEqual({ kind: 'null' });
    expect(readDateText('null')).toEqual({ kind: 'null' });
    expect(readDateText('2013-01-23T14:42:45Z')).toEqual({ kind: 'invalid' });
  });
});

describe('readQuotedDate: readValue("\\"" + text + "\\"", Date.class)', () => {
  it('decodes the text as a JSON string first', () => {
    expect(readQuotedDate('2013-01-23T14:42:45.000\\u002B0200')).toEqual({
      kind: 'date',
      epochMs: 1358944965000,
    });
    // Jackson stops at the first closing quote and reads nothing after it.
    expect(readQuotedDate('2013-01-23T14:42:45.000+0200" trailing')).toEqual({
      kind: 'date',
      epochMs: 1358944965000,
    });
    expect(readQuotedDate('"')).toEqual({ kind: 'null' });
    expect(readQuotedDate('a\\qb')).toEqual({ kind: 'invalid' });
    expect(readQuotedDate('tab\there')).toEqual({ kind: 'invalid' });
    expect(readQuotedDate('100')).toEqual({ kind: 'invalid' });
  });
});
