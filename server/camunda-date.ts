/**
 * Camunda's REST date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (`JacksonConfigurator.DEFAULT_DATE_FORMAT`),
 * e.g. `2013-01-23T14:42:45.000+0000`. Responses always use the UTC offset `+0000`. Reading it
 * lives in the engine (engine/camunda-date.ts): the console's preview converts request variables
 * with the same code.
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Formats epoch milliseconds; null stays null. */
export function formatCamundaDate(epochMs: number | null | undefined): string | null {
  if (epochMs === null || epochMs === undefined) {
    return null;
  }
  const date = new Date(epochMs);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

/** Formats a time that is always set. */
export function formatRequiredDate(epochMs: number): string {
  return formatCamundaDate(epochMs) ?? '';
}
