/**
 * Camunda's REST date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, e.g. `2013-01-23T14:42:45.000+0200`
 * (`JacksonConfigurator.DEFAULT_DATE_FORMAT`; docs/camunda-semantics.md#dates). `Date.parse` does
 * not promise to read the colon-less offset, so both directions
 * are spelled out here.
 */

const DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

const NO_DATE = '–';

/**
 * Made on first use: the first `Intl.DateTimeFormat` of a page loads the locale's data (50–80 ms
 * in Chromium), which would otherwise be spent while the module loads, before any page shows.
 */
let dateTimeFormat: Intl.DateTimeFormat | null = null;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Epoch milliseconds of a Camunda date, or null when the text is not one. */
export function parseCamundaDate(text: string | null | undefined): number | null {
  const match = DATE_PATTERN.exec(text?.trim() ?? '');
  if (match === null) {
    return null;
  }
  const [, year, month, day, hour, minute, second, fraction = '0', offset = 'Z'] = match;
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Math.round(Number(`0.${fraction}`) * 1000),
  );
  return utc - offsetMinutes(offset) * 60_000;
}

/** Formats epoch milliseconds the way Camunda's dates and date parameters are written, in UTC. */
export function toCamundaDate(epochMs: number): string {
  const date = new Date(epochMs);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

/**
 * A Camunda date in the reader's locale and time zone (`May 1, 2024, 9:30:00 AM`), for headers
 * and lists read by people; `–` for none and text that is no date as it came.
 */
export function formatCamundaDate(text: string | null | undefined): string {
  return format(text, (epochMs) => {
    dateTimeFormat ??= new Intl.DateTimeFormat(undefined, {
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
    return dateTimeFormat.format(epochMs);
  });
}

/**
 * A Camunda date as `2024-05-01 14:03:22` in the browser's time zone: sortable and compact, for
 * dense tables and logs; `–` for none and text that is no date as it came.
 */
export function formatCamundaTimestamp(text: string | null | undefined): string {
  return format(text, (epochMs) => {
    const date = new Date(epochMs);
    return (
      `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
      `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    );
  });
}

function format(text: string | null | undefined, render: (epochMs: number) => string): string {
  if (text === null || text === undefined || text.trim() === '') {
    return NO_DATE;
  }
  const epochMs = parseCamundaDate(text);
  return epochMs === null ? text : render(epochMs);
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') {
    return 0;
  }
  const digits = offset.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
