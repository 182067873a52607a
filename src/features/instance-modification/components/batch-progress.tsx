import { Button, InlineNotification, ProgressBar } from '@carbon/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import type { BatchDto } from '../../../../contract/camunda/batch';
import { ErrorNotification } from '../../../components/error-notification';
import { BATCH_POLL_INTERVAL_MS } from '../../../lib/polling';
import { isBatchSettled, modificationBatchQueries } from '../../../modification/api/batch-queries';
import { formatCamundaTimestamp } from '../../../lib/camunda-date';
import { jobQueries } from '../../../api/job-queries';
import { processInstanceKeys } from '../../../api/query-keys';

export interface BatchProgressProps {
  batch: BatchDto;
  pollIntervalMs?: number;
  onDismiss?: () => void;
}

/**
 * Follows the batch of an "Apply as batch" until it is done: jobs completed, remaining and
 * failed, and the exception of each failed job.
 */
export function BatchProgress({
  batch,
  pollIntervalMs = BATCH_POLL_INTERVAL_MS,
  onDismiss,
}: BatchProgressProps) {
  const queryClient = useQueryClient();
  const progress = useQuery(modificationBatchQueries.progress(batch.id, pollIntervalMs));
  const data = progress.data;
  const done = data?.done === true;
  const settled = isBatchSettled(data);
  const failedCount = data !== undefined && !data.done ? data.statistics.failedJobs : 0;
  const failedJobs = useQuery({
    ...jobQueries.failedJobs(batch.batchJobDefinitionId ?? '', settled ? false : pollIntervalMs),
    enabled: batch.batchJobDefinitionId !== null && !done,
  });

  useEffect(() => {
    if (done) {
      // The batch has changed the instance: show it as it is now.
      void queryClient.invalidateQueries({ queryKey: processInstanceKeys.all });
    }
  }, [done, queryClient]);

  const label = `Batch ${batch.id}`;
  if (progress.error !== null) {
    return <ErrorNotification title="The batch could not be followed" error={progress.error} />;
  }
  if (data === undefined) {
    return <ProgressBar label={label} helperText="Reading the batch…" />;
  }
  if (data.done) {
    const ended = data.historic?.endTime;
    return (
      <InlineNotification
        kind="success"
        role="status"
        lowContrast
        title="The batch has finished"
        subtitle={
          ended === undefined || ended === null
            ? 'All its jobs have run.'
            : `All its jobs have run; it ended ${formatCamundaTimestamp(ended)}.`
        }
        hideCloseButton={onDismiss === undefined}
        onClose={() => {
          onDismiss?.();
        }}
      />
    );
  }

  const {
    totalJobs,
    completedJobs,
    remainingJobs,
    failedJobs: failed,
    suspended,
  } = data.statistics;
  const jobsWithErrors = failedJobs.data ?? [];
  return (
    <section aria-label={label}>
      <ProgressBar
        label={label}
        value={completedJobs}
        max={Math.max(totalJobs, 1)}
        status={failed > 0 ? 'error' : 'active'}
        helperText={`${completedJobs} of ${totalJobs} job${totalJobs === 1 ? '' : 's'} completed · ${remainingJobs} remaining · ${failed} failed${suspended ? ' · suspended' : ''}`}
      />
      {failedCount > 0 && settled && (
        <p className="modification-workspace__error">
          The batch cannot finish until its failed jobs are retried or deleted.
        </p>
      )}
      {jobsWithErrors.length > 0 && (
        <ul aria-label="Failed batch jobs">
          {jobsWithErrors.map((job) => (
            <li key={job.id}>
              Job {job.id}: {job.exceptionMessage ?? 'no message'} ({job.retries} retr
              {job.retries === 1 ? 'y' : 'ies'} left)
            </li>
          ))}
        </ul>
      )}
      {settled && (
        <Button
          kind="ghost"
          size="sm"
          onClick={() => {
            void progress.refetch();
          }}
        >
          Check again
        </Button>
      )}
    </section>
  );
}
