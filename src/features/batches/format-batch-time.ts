/** Camunda's `…+0200` offset lacks the colon ISO 8601 wants, so `Date` is given one. */
const COLONLESS_OFFSET = /([+-]\d{2})(\d{2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A Camunda date (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`, contract §1) as `2024-05-01 14:03:22` in the
 * browser's time zone; `–` for none, and the text itself when it is not a date.
 */
export function formatBatchTime(text: string | null): string {
  if (text === null || text === '') {
    return '–';
  }
  const date = new Date(text.replace(COLONLESS_OFFSET, '$1:$2'));
  if (Number.isNaN(date.getTime())) {
    return text;
  }
  return (
    `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
