/**
 * Reading dates as Camunda's REST API reads them. Its `JacksonConfigurator` gives the ObjectMapper
 * `new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ")`, e.g. `2013-01-23T14:42:45.000+0200`, and
 * every date of a request goes through it: date fields of JSON bodies, date query parameters
 * (`DateConverter`), Date variable values (`VariableValueDto.toTypedValue`) and the values of
 * variable conditions (`ConditionQueryParameterDto.resolveValue`). In the engine rather than the
 * REST layer because the console's preview converts a request's Date variables with the same code
 * as the server (engine/variable-input.ts).
 *
 * SimpleDateFormat is lenient, and what it takes is not ISO 8601: `Z` (the RFC 822 zone letter)
 * reads `+0200` or `GMT+02:00` but neither `+02:00` nor the letter `Z`; the seconds must be
 * followed by `.` and a millisecond count; fields may have any number of digits (`SSS` reads `5`
 * as 5 ms); out-of-range fields roll over (`2013-02-30` is March 2); text after the zone is
 * ignored. Dates before the Gregorian cutover (15 October 1582) are Julian, as in
 * `GregorianCalendar`.
 */

const MS_PER_DAY = 86_400_000;
/** `GregorianCalendar`'s fixed dates (days since 0001-01-01 Gregorian, that day being 1). */
const FIXED_DATE_OF_EPOCH = 719_163;
const FIXED_DATE_OF_GREGORIAN_CUTOVER = 577_736;
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
/** The range of a JavaScript `Date`. */
const MAX_EPOCH_MS = 8.64e15;

const floorDiv = (a: number, b: number) => Math.floor(a / b);
const floorMod = (a: number, b: number) => a - floorDiv(a, b) * b;
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * The integer `DecimalFormat.parse` reads at `start` (parseIntegerOnly, no grouping: an optional
 * `-` and digits, or the NaN and infinity symbols), as `Number.intValue()` gives it to
 * SimpleDateFormat: a Long keeps its low 32 bits, a Double saturates.
 */
function readJavaInt(text: string, start: number): { value: number; end: number } | null {
  if (text.startsWith('NaN', start)) {
    return { value: 0, end: start + 3 };
  }
  let index = start;
  const negative = text[index] === '-';
  if (negative) {
    index++;
  }
  if (text[index] === '∞') {
    return { value: negative ? INT_MIN : INT_MAX, end: index + 1 };
  }
  const digitsStart = index;
  while (isDigit(text[index])) {
    index++;
  }
  if (index === digitsStart) {
    return null;
  }
  const magnitude = BigInt(text.slice(digitsStart, index));
  const value = negative ? -magnitude : magnitude;
  if (value < LONG_MIN || value > LONG_MAX) {
    return { value: negative ? INT_MIN : INT_MAX, end: index };
  }
  return { value: Number(BigInt.asIntN(32, value)), end: index };
}

/** SimpleDateFormat.subParse skips spaces and tabs before a field; the text must go on. */
function skipBlanks(text: string, start: number): number | null {
  let index = start;
  while (text[index] === ' ' || text[index] === '\t') {
    index++;
  }
  return index < text.length ? index : null;
}

/**
 * `SimpleDateFormat.subParseNumericZone`: `hhmm` after a sign (RFC 822), or `h:mm` / `hh:mm`
 * after `GMT` and a sign. Returns the offset in minutes.
 */
function readNumericZone(
  text: string,
  start: number,
  colon: boolean,
): { minutes: number; end: number } | null {
  let index = start;
  if (!isDigit(text[index])) {
    return null;
  }
  let hours = Number(text[index++]);
  if (isDigit(text[index])) {
    hours = hours * 10 + Number(text[index++]);
  } else if (!colon) {
    return null;
  }
  if (hours > 23) {
    return null;
  }
  if (colon) {
    if (text[index++] !== ':') {
      return null;
    }
  }
  if (!isDigit(text[index]) || !isDigit(text[index + 1])) {
    return null;
  }
  const minutes = Number(text.slice(index, index + 2));
  return minutes > 59 ? null : { minutes: hours * 60 + minutes, end: index + 2 };
}

/**
 * The `Z` field: an RFC 822 offset (`+0200`), `GMT` with or without `+hh:mm`, or a time zone
 * name. Of the names (the JVM's zone strings for its locale) only `UTC` is read here, as GMT.
 */
function readZone(text: string, start: number): { offsetMinutes: number; end: number } | null {
  const sign = text[start] === '+' ? 1 : text[start] === '-' ? -1 : 0;
  if (sign !== 0) {
    const zone = readNumericZone(text, start + 1, false);
    return zone && { offsetMinutes: sign * zone.minutes, end: zone.end };
  }
  const name = text.slice(start, start + 3).toUpperCase();
  if (name === 'GMT') {
    const gmtSign = text[start + 3] === '+' ? 1 : text[start + 3] === '-' ? -1 : 0;
    if (gmtSign === 0) {
      return { offsetMinutes: 0, end: start + 3 };
    }
    const zone = readNumericZone(text, start + 4, true);
    return zone && { offsetMinutes: gmtSign * zone.minutes, end: zone.end };
  }
  return name === 'UTC' ? { offsetMinutes: 0, end: start + 3 } : null;
}

/** `BaseCalendar.getFixedDate(year, month, 1)` of the Gregorian calendar, month 1–12. */
function gregorianFixedDate(year: number, month: number): number {
  const previous = year - 1;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return (
    1 +
    365 * previous +
    floorDiv(previous, 4) -
    floorDiv(previous, 100) +
    floorDiv(previous, 400) +
    floorDiv(367 * month - 362, 12) -
    (month > 2 ? (leap ? 1 : 2) : 0)
  );
}

/** `JulianCalendar.getFixedDate(year, month, 1)`, month 1–12. */
function julianFixedDate(year: number, month: number): number {
  const leap = floorMod(year, 4) === 0;
  return (
    -1 +
    365 * (year - 1) +
    floorDiv(year - 1, 4) +
    floorDiv(367 * month - 362, 12) -
    (month > 2 ? (leap ? 1 : 2) : 0)
  );
}

/** `GregorianCalendar.getFixedDate`: the month rolled into the year, then the day added. */
function fixedDateOf(
  calendar: (year: number, month: number) => number,
  year: number,
  month0: number,
  day: number,
): number {
  const rolledYear = year + floorDiv(month0, 12);
  return calendar(rolledYear, floorMod(month0, 12) + 1) + day - 1;
}

interface CalendarFields {
  year: number;
  month0: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

/** `GregorianCalendar.computeTime` for lenient fields, the zone offset set by the parse. */
function computeTime(fields: CalendarFields): number {
  const { year, month0, day } = fields;
  let timeOfDay =
    ((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000 + fields.millisecond;
  const dayOffset = floorDiv(timeOfDay, MS_PER_DAY);
  timeOfDay -= dayOffset * MS_PER_DAY;
  const gregorian = () => dayOffset + fixedDateOf(gregorianFixedDate, year, month0, day);
  const julian = () => dayOffset + fixedDateOf(julianFixedDate, year, month0, day);
  // Julian before the cutover year; from it on Gregorian, unless the date falls before the
  // cutover, where the Julian reading is taken.
  let fixedDate = year < 1582 ? julian() : gregorian();
  if (fixedDate < FIXED_DATE_OF_GREGORIAN_CUTOVER) {
    fixedDate = julian();
  }
  return (fixedDate - FIXED_DATE_OF_EPOCH) * MS_PER_DAY + timeOfDay - fields.offsetMinutes * 60_000;
}

/** The pattern's fields in order: a numeric field, or the literal that must follow it. */
const PATTERN = [
  'year',
  '-',
  'month',
  '-',
  'day',
  'T',
  'hour',
  ':',
  'minute',
  ':',
  'second',
  '.',
  'millisecond',
] as const;

/**
 * `new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(text)`: epoch milliseconds, or null
 * where Java throws a ParseException. Also null for a date outside JavaScript's range, which
 * Java would still accept.
 */
export function parseCamundaDate(text: string): number | null {
  const numbers: Record<string, number> = {};
  let index = 0;
  for (const part of PATTERN) {
    if (part.length === 1) {
      if (text[index] !== part) {
        return null;
      }
      index++;
      continue;
    }
    const start = skipBlanks(text, index);
    const read = start === null ? null : readJavaInt(text, start);
    if (read === null) {
      return null;
    }
    numbers[part] = read.value;
    index = read.end;
  }
  const zoneStart = skipBlanks(text, index);
  const zone = zoneStart === null ? null : readZone(text, zoneStart);
  if (zone === null) {
    return null;
  }
  const epochMs = computeTime({
    year: numbers.year ?? 0,
    // `calb.set(Calendar.MONTH, value - 1)`, in int arithmetic.
    month0: ((numbers.month ?? 0) - 1) | 0,
    day: numbers.day ?? 0,
    hour: numbers.hour ?? 0,
    minute: numbers.minute ?? 0,
    second: numbers.second ?? 0,
    millisecond: numbers.millisecond ?? 0,
    offsetMinutes: zone.offsetMinutes,
  });
  return Math.abs(epochMs) <= MAX_EPOCH_MS ? epochMs : null;
}

/** What Jackson makes of a text for a `java.util.Date`: a time, null, or a failure. */
export type DateReading =
  { kind: 'date'; epochMs: number } | { kind: 'null' } | { kind: 'invalid' };

/**
 * Jackson's `StdDeserializer._parseDate(String)` with Camunda's date format: the text trimmed
 * (Java's `String.trim`), empty or `null` is a null date, anything else must parse.
 */
export function readDateText(text: string): DateReading {
  // eslint-disable-next-line no-control-regex -- Java's trim() removes every char up to U+0020.
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (trimmed === '' || trimmed === 'null') {
    return { kind: 'null' };
  }
  const epochMs = parseCamundaDate(trimmed);
  return epochMs === null ? { kind: 'invalid' } : { kind: 'date', epochMs };
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The first JSON string of `"` + raw + `"`, as Jackson's parser reads it (whatever follows it is
 * never read), or null where Jackson's parser fails (a raw control character, a bad escape).
 */
function firstJsonString(raw: string): string | null {
  const json = `"${raw}"`;
  let result = '';
  for (let index = 1; index < json.length; index++) {
    const char = json.charAt(index);
    if (char === '"') {
      return result;
    }
    if (char < ' ') {
      return null;
    }
    if (char !== '\\') {
      result += char;
      continue;
    }
    const escape = json.charAt(++index);
    if (escape === 'u') {
      const hex = json.slice(index + 1, index + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        return null;
      }
      result += String.fromCharCode(parseInt(hex, 16));
      index += 4;
      continue;
    }
    const decoded = JSON_ESCAPES[escape];
    if (decoded === undefined) {
      return null;
    }
    result += decoded;
  }
  return null;
}

/**
 * `objectMapper.readValue("\"" + raw + "\"", Date.class)`, as Camunda's `DateConverter` (date
 * query parameters), `ConditionQueryParameterDto.resolveValue` (values of variable conditions)
 * and `VariableValueDto.toTypedValue` (Date variables given as text) call it.
 */
export function readQuotedDate(raw: string): DateReading {
  const text = firstJsonString(raw);
  return text === null ? { kind: 'invalid' } : readDateText(text);
}
