/**
 * The annotation sent with each batch this tab created, by batch id. A batch's page reads its
 * operation log entry later, possibly after a navigation; when the engine wrote none, the page
 * can still show the annotation, so it is not lost without a word. Per tab, like the session.
 */
import * as z from 'zod/mini';

export const SENT_ANNOTATIONS_STORAGE_KEY = 'camunda-repair-console.sent-annotations';

/** Enough for the batches of a working session; the oldest are dropped first. */
const MAX_REMEMBERED = 50;

const storedSchema = z.array(z.tuple([z.string(), z.string()]));

export function rememberSentAnnotation(
  batchId: string,
  annotation: string,
  storage: Storage = sessionStorage,
): void {
  const entries = load(storage).filter(([id]) => id !== batchId);
  entries.push([batchId, annotation]);
  storage.setItem(SENT_ANNOTATIONS_STORAGE_KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)));
}

/** The annotation sent with the batch, or null when this tab did not create it. */
export function sentAnnotation(batchId: string, storage: Storage = sessionStorage): string | null {
  return load(storage).find(([id]) => id === batchId)?.[1] ?? null;
}

function load(storage: Storage): [string, string][] {
  try {
    const parsed = storedSchema.safeParse(
      JSON.parse(storage.getItem(SENT_ANNOTATIONS_STORAGE_KEY) ?? '[]'),
    );
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
