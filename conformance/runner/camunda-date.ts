/** Camunda's REST date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, written in UTC. */
export function formatCamundaDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

/** Epoch ms of a Camunda date; null for null or undefined, NaN when unreadable. */
export function parseCamundaDate(text: string | null | undefined): number | null {
  if (text === null || text === undefined) {
    return null;
  }
  // Camunda writes the offset without a colon (+0200); ECMAScript only guarantees +02:00.
  return Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}
