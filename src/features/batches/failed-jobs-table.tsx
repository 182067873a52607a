import {
  Button,
  DataTableSkeleton,
  InlineLoading,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
} from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';

import type { JobDto } from '../../api/camunda-dto';
import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { batchQueries } from './batch-queries';
import { failedJobProcessInstance } from './failed-job-process-instance';
import { useRetryFailedJobs } from './use-retry-failed-jobs';
import { useRetryJob } from './use-retry-job';

const TABLE_LABEL = 'Failed jobs';

const HEADERS = [
  { key: 'id', header: 'Job' },
  { key: 'retries', header: 'Retries left' },
  { key: 'exceptionMessage', header: 'Exception' },
  { key: 'processInstance', header: 'Process instance' },
  { key: 'actions', header: 'Actions' },
];

interface FailedJobsTableProps {
  batchId: string;
  batchJobDefinitionId: string;
  /** The batch's own polling interval, or false when it does not poll. */
  pollIntervalMs: number | false;
}

interface RetryError {
  title: string;
  error: unknown;
}

/**
 * The batch's execution jobs that threw, with the message, the stack trace on demand and the
 * process instance each was for; jobs at 0 retries can be retried one by one or all at once.
 */
export function FailedJobsTable({
  batchId,
  batchJobDefinitionId,
  pollIntervalMs,
}: FailedJobsTableProps) {
  const jobs = useQuery(
    batchQueries.failedJobs({ id: batchId, batchJobDefinitionId }, pollIntervalMs),
  );
  const retryJob = useRetryJob();
  const retryFailedJobs = useRetryFailedJobs();
  const [retryError, setRetryError] = useState<RetryError | null>(null);
  const [expandedJobIds, setExpandedJobIds] = useState<ReadonlySet<string>>(new Set());

  const failedCount = jobs.data?.filter((job) => job.retries === 0).length ?? 0;

  const handleRetryAll = () => {
    setRetryError(null);
    retryFailedJobs.mutate(batchJobDefinitionId, {
      onError: (error) => {
        setRetryError({ title: 'The failed jobs could not be retried', error });
      },
    });
  };

  const handleRetry = (jobId: string) => {
    setRetryError(null);
    retryJob.mutate(jobId, {
      onError: (error) => {
        setRetryError({ title: `Job ${jobId} could not be retried`, error });
      },
    });
  };

  const handleToggleStacktrace = (jobId: string) => {
    setExpandedJobIds((expanded) => {
      const next = new Set(expanded);
      if (!next.delete(jobId)) {
        next.add(jobId);
      }
      return next;
    });
  };

  return (
    <section className="batch-section" aria-labelledby="failed-jobs-heading">
      <div className="batch-section__header">
        <h2 id="failed-jobs-heading" className="batch-section__title">
          {TABLE_LABEL}
        </h2>
        <Button
          kind="primary"
          size="sm"
          disabled={failedCount === 0 || retryFailedJobs.isPending}
          onClick={handleRetryAll}
        >
          {retryFailedJobs.isPending ? 'Retrying…' : 'Retry all failed jobs'}
        </Button>
      </div>
      <p className="batch-section__caption">
        Jobs that threw an exception. Those with no retries left stop the batch from completing; a
        retry gives them one more attempt.
      </p>
      {retryError !== null && (
        <div className="batch-alert">
          <ErrorNotification title={retryError.title} error={retryError.error} />
        </div>
      )}
      {jobs.isPending ? (
        <DataTableSkeleton
          aria-label={`${TABLE_LABEL} (loading)`}
          headers={HEADERS}
          columnCount={HEADERS.length}
          rowCount={2}
          showHeader={false}
          showToolbar={false}
        />
      ) : jobs.error !== null ? (
        <ErrorNotification title="The failed jobs could not be loaded" error={jobs.error} />
      ) : jobs.data.length === 0 ? (
        <p className="batch-section__empty">No job of this batch has failed.</p>
      ) : (
        <TableContainer>
          <Table aria-label={TABLE_LABEL} size="md" className="failed-jobs">
            <TableHead>
              <TableRow>
                {HEADERS.map(({ key, header }) => (
                  <TableHeader key={key}>{header}</TableHeader>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {jobs.data.map((job) => (
                <FailedJobRows
                  key={job.id}
                  job={job}
                  expanded={expandedJobIds.has(job.id)}
                  retrying={retryJob.isPending && retryJob.variables === job.id}
                  onToggleStacktrace={handleToggleStacktrace}
                  onRetry={handleRetry}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}

interface FailedJobRowsProps {
  job: JobDto;
  expanded: boolean;
  retrying: boolean;
  onToggleStacktrace: (jobId: string) => void;
  onRetry: (jobId: string) => void;
}

function FailedJobRows({
  job,
  expanded,
  retrying,
  onToggleStacktrace,
  onRetry,
}: FailedJobRowsProps) {
  const stacktraceId = `stacktrace-${job.id}`;
  const processInstance = failedJobProcessInstance(job);
  return (
    <Fragment>
      <TableRow>
        <TableCell className="batch-id">{job.id}</TableCell>
        <TableCell>
          {job.retries === 0 ? (
            <Tag type="red" size="sm">
              0 · failed
            </Tag>
          ) : (
            <Tag type="cool-gray" size="sm">
              {job.retries} · will retry
            </Tag>
          )}
        </TableCell>
        <TableCell className="failed-jobs__message">{job.exceptionMessage ?? '–'}</TableCell>
        <TableCell>
          {processInstance === null ? (
            <span className="batch-muted">Unknown</span>
          ) : (
            <>
              <RouterLink
                className="batch-id"
                to="/process-instances/$processInstanceId"
                params={{ processInstanceId: processInstance.processInstanceId }}
              >
                {processInstance.processInstanceId}
              </RouterLink>
              {processInstance.fromMessage && (
                <span className="batch-muted failed-jobs__source">named in the exception</span>
              )}
            </>
          )}
        </TableCell>
        <TableCell className="batch-dashboard__actions">
          <Button
            kind="ghost"
            size="sm"
            aria-expanded={expanded}
            aria-controls={expanded ? stacktraceId : undefined}
            onClick={() => {
              onToggleStacktrace(job.id);
            }}
          >
            {expanded ? 'Hide stack trace' : 'Show stack trace'}
          </Button>
          {job.retries === 0 && (
            <Button
              kind="ghost"
              size="sm"
              disabled={retrying}
              onClick={() => {
                onRetry(job.id);
              }}
            >
              Retry
            </Button>
          )}
        </TableCell>
      </TableRow>
      {expanded && (
        <TableRow className="failed-jobs__stacktrace-row">
          <TableCell colSpan={HEADERS.length} id={stacktraceId}>
            <JobStacktrace jobId={job.id} />
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

function JobStacktrace({ jobId }: { jobId: string }) {
  const stacktrace = useQuery(batchQueries.stacktrace(jobId));
  if (stacktrace.isPending) {
    return <InlineLoading description="Loading the stack trace…" />;
  }
  if (stacktrace.error !== null) {
    return (
      <ErrorNotification title="The stack trace could not be loaded" error={stacktrace.error} />
    );
  }
  return (
    // Focusable, so keyboard users can scroll a long trace sideways (WCAG 2.1.1).
    <pre className="batch-stacktrace" tabIndex={0} aria-label={`Stack trace of job ${jobId}`}>
      {stacktrace.data === '' ? 'The engine stored no stack trace for this job.' : stacktrace.data}
    </pre>
  );
}
