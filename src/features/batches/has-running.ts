import type { BatchStatisticsDto } from '../../../contract/camunda/batch';

/**
 * True while some batch can still change without anyone acting, so polling is worth it: every
 * batch that is not suspended. That includes stuck ones: their monitor job keeps running, and a
 * retry (by anyone, from any console) sets them going again. Suspended batches run no job, and an
 * empty list means everything has finished.
 */
export function hasRunning(
  batches: readonly Pick<BatchStatisticsDto, 'suspended'>[] | undefined,
): boolean {
  return batches?.some((batch) => !batch.suspended) ?? false;
}
