import type { BatchStatisticsDto } from '../../../contract/camunda/batch';

/** Something worth telling the user about a batch they started. */
export type BatchEvent =
  | { kind: 'finished'; batchId: string; type: string }
  | { kind: 'failed'; batchId: string; type: string; failedJobs: number };

export interface BatchEventOptions {
  /** The signed-in user: only batches they created (`createUserId`) are reported. */
  userId: string | null;
  /** Batches this console deleted: they leave the list too, but did not finish. */
  deletedBatchIds?: ReadonlySet<string>;
}

/**
 * Compares two consecutive answers of `GET /batch/statistics`. A batch of the user's that is gone
 * from the runtime has finished (Camunda's monitor job deletes a batch once all its jobs are done);
 * one whose `failedJobs` (jobs at 0 retries) grew has new failures. The first answer has nothing
 * to compare with, so it reports nothing.
 */
export function diffBatchStatistics(
  previous: readonly BatchStatisticsDto[] | undefined,
  current: readonly BatchStatisticsDto[],
  { userId, deletedBatchIds = new Set() }: BatchEventOptions,
): BatchEvent[] {
  if (previous === undefined || userId === null) {
    return [];
  }
  const isOwn = (batch: BatchStatisticsDto) => batch.createUserId === userId;
  const previousById = new Map(previous.map((batch) => [batch.id, batch]));
  const currentIds = new Set(current.map((batch) => batch.id));

  const finished: BatchEvent[] = previous
    .filter((batch) => isOwn(batch) && !currentIds.has(batch.id) && !deletedBatchIds.has(batch.id))
    .map((batch) => ({ kind: 'finished', batchId: batch.id, type: batch.type }));

  const failed: BatchEvent[] = current
    .filter(
      (batch) => isOwn(batch) && batch.failedJobs > (previousById.get(batch.id)?.failedJobs ?? 0),
    )
    .map((batch) => ({
      kind: 'failed',
      batchId: batch.id,
      type: batch.type,
      failedJobs: batch.failedJobs,
    }));

  return [...finished, ...failed];
}

/** True when a batch that was running is no longer: finished history has grown. */
export function hasEndedBatches(
  previous: readonly BatchStatisticsDto[] | undefined,
  current: readonly BatchStatisticsDto[],
): boolean {
  if (previous === undefined) {
    return false;
  }
  const currentIds = new Set(current.map((batch) => batch.id));
  return previous.some((batch) => !currentIds.has(batch.id));
}
