import type { BatchStatisticsDto } from '../../../contract/camunda/batch';

/**
 * Where a batch stands, as an operator needs to know it:
 * - `running`: execution jobs are still to run (or to be created by the seed job);
 * - `suspended`: its jobs are suspended, nothing runs until it is resumed;
 * - `stuck`: every remaining job has failed (0 retries left). Camunda's monitor job never deletes
 *   such a batch, so it would sit at "almost done" forever unless the jobs are retried;
 * - `completing`: every job is done, and the monitor job has yet to notice and end the batch
 *   (it looks every 30 s by default);
 * - `finished`: only the historic batch is left.
 */
export type BatchState = 'running' | 'suspended' | 'stuck' | 'completing' | 'finished';

export interface BatchProgress {
  state: BatchState;
  totalJobs: number;
  completedJobs: number;
  failedJobs: number;
  /** Remaining jobs that have not failed for good: not yet run, or failed with retries left. */
  pendingJobs: number;
  /** Shares of `totalJobs`, 0–100, for the three segments of a progress bar. */
  completedPercent: number;
  failedPercent: number;
  pendingPercent: number;
  /** The bar's accessible text, e.g. "12 of 200 done, 3 failed". */
  label: string;
}

type BatchCounts = Pick<
  BatchStatisticsDto,
  'totalJobs' | 'remainingJobs' | 'completedJobs' | 'failedJobs' | 'suspended'
>;

/**
 * The progress of a running batch from `GET /batch/statistics`: `remainingJobs` counts the failed
 * jobs too, and `completedJobs = totalJobs − remainingJobs` (Camunda's `BatchStatisticsEntity`;
 * docs/camunda-semantics.md#batch-statistics).
 */
export function toBatchProgress(batch: BatchCounts): BatchProgress {
  const { totalJobs, remainingJobs, completedJobs, failedJobs } = batch;
  const pendingJobs = Math.max(0, remainingJobs - failedJobs);
  return {
    state: toBatchState(batch),
    totalJobs,
    completedJobs,
    failedJobs,
    pendingJobs,
    completedPercent: percentOf(completedJobs, totalJobs),
    failedPercent: percentOf(failedJobs, totalJobs),
    pendingPercent: percentOf(pendingJobs, totalJobs),
    label: progressLabel(completedJobs, totalJobs, failedJobs),
  };
}

/** A batch that has left the runtime (`GET /history/batch`): all of it is behind us. */
export function toFinishedBatchProgress({ totalJobs }: { totalJobs: number }): BatchProgress {
  return {
    state: 'finished',
    totalJobs,
    completedJobs: totalJobs,
    failedJobs: 0,
    pendingJobs: 0,
    completedPercent: 100,
    failedPercent: 0,
    pendingPercent: 0,
    label: progressLabel(totalJobs, totalJobs, 0),
  };
}

function toBatchState({ suspended, remainingJobs, failedJobs }: BatchCounts): BatchState {
  if (suspended) {
    return 'suspended';
  }
  if (remainingJobs === 0) {
    return 'completing';
  }
  if (failedJobs > 0 && remainingJobs === failedJobs) {
    return 'stuck';
  }
  return 'running';
}

function percentOf(part: number, total: number): number {
  if (total <= 0) {
    return 0;
  }
  return Math.min(100, Math.max(0, (part / total) * 100));
}

function progressLabel(completed: number, total: number, failed: number): string {
  const done = `${completed} of ${total} done`;
  return failed > 0 ? `${done}, ${failed} failed` : done;
}
