import { describe, expect, it } from 'vitest';

import { toBatchProgress, toFinishedBatchProgress } from './batch-progress';

const counts = (remainingJobs: number, failedJobs: number, suspended = false, totalJobs = 200) => ({
  totalJobs,
  remainingJobs,
  completedJobs: totalJobs - remainingJobs,
  failedJobs,
  suspended,
});

describe('toBatchProgress', () => {
  it('splits the bar into done, failed and still to run', () => {
    expect(toBatchProgress(counts(188, 3))).toEqual({
      state: 'running',
      totalJobs: 200,
      completedJobs: 12,
      failedJobs: 3,
      pendingJobs: 185,
      completedPercent: 6,
      failedPercent: 1.5,
      pendingPercent: 92.5,
      label: '12 of 200 done, 3 failed',
    });
  });

  it('leaves out the failures from the label when there are none', () => {
    expect(toBatchProgress(counts(150, 0)).label).toBe('50 of 200 done');
  });

  it('calls a batch stuck when every remaining job has failed for good', () => {
    const progress = toBatchProgress(counts(3, 3));
    expect(progress.state).toBe('stuck');
    expect(progress.completedPercent + progress.failedPercent).toBe(100);
  });

  it('keeps a batch running while a failed job still has retries or jobs wait', () => {
    // Jobs with retries left count in remainingJobs but not in failedJobs (BatchStatisticsEntity).
    expect(toBatchProgress(counts(4, 3)).state).toBe('running');
  });

  it('says completing when all jobs are done but the monitor has not ended the batch', () => {
    expect(toBatchProgress(counts(0, 0)).state).toBe('completing');
  });

  it('puts suspension first: nothing runs, whatever the counts', () => {
    expect(toBatchProgress(counts(3, 3, true)).state).toBe('suspended');
    expect(toBatchProgress(counts(100, 0, true)).state).toBe('suspended');
  });

  it('copes with an empty batch', () => {
    expect(toBatchProgress(counts(0, 0, false, 0))).toMatchObject({
      state: 'completing',
      completedPercent: 0,
      label: '0 of 0 done',
    });
  });
});

describe('toFinishedBatchProgress', () => {
  it('shows a finished batch as complete', () => {
    expect(toFinishedBatchProgress({ totalJobs: 5 })).toMatchObject({
      state: 'finished',
      completedPercent: 100,
      label: '5 of 5 done',
    });
  });
});
