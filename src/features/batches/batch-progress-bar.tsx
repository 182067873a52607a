import type { BatchProgress } from './batch-progress';

interface BatchProgressBarProps {
  progress: BatchProgress;
  /** Names the bar for assistive technology, e.g. "Progress of batch 1234". */
  label: string;
}

/**
 * Three segments — done, failed (0 retries left), still to run — with the counts as text below,
 * so the bar never reads as a silent 100 % while failed jobs block the batch.
 */
export function BatchProgressBar({ progress, label }: BatchProgressBarProps) {
  return (
    <div className="batch-progress">
      <div
        className="batch-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.totalJobs}
        aria-valuenow={progress.completedJobs}
        aria-valuetext={progress.label}
      >
        <span
          className="batch-progress__segment batch-progress__segment--completed"
          style={{ width: `${String(progress.completedPercent)}%` }}
        />
        <span
          className="batch-progress__segment batch-progress__segment--failed"
          style={{ width: `${String(progress.failedPercent)}%` }}
        />
        <span
          className="batch-progress__segment batch-progress__segment--pending"
          style={{ width: `${String(progress.pendingPercent)}%` }}
        />
      </div>
      <span className="batch-progress__text">{progress.label}</span>
    </div>
  );
}
