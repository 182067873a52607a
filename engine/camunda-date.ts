/**
 * Reading Camunda's REST date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g.
 * `2013-01-23T14:42:45.000+0000`. In the engine rather than the REST layer because the console's
 * preview converts a request's Date variables with the same code as the server
 * (engine/variable-input.ts).
 */

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses Camunda's format and ISO 8601 with an offset (`Z`, `+0200`, `+02:00`); milliseconds are
 * optional. Returns epoch milliseconds, or null when the text is not such a date: a date without
 * offset would silently depend on the server's time zone.
 */
export function parseCamundaDate(text: string): number | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second, fraction = '0', offset = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const ms = Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) {
    return null;
  } // e.g. 2013-02-30
  return utc - offsetMinutes(offset) * 60_000;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') {
    return 0;
  }
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return offset.startsWith('-') ? -minutes : minutes;
}
