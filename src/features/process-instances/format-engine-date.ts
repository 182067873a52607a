const DATE_TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/**
 * A Camunda date (`2024-05-01T09:30:00.000+0200`, offset without a colon) in the reader's locale
 * and time zone; text that is no date is shown as it came.
 */
export function formatEngineDate(camundaDate: string): string {
  const date = new Date(camundaDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? camundaDate : DATE_TIME_FORMAT.format(date);
}
