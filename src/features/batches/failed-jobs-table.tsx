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

import type { BatchDto } from '../../../contract/camunda/batch';
import type { JobDto } from '../../../contract/camunda/job';
import { jobQueries } from '../../api/job-queries';
import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import type { BatchAttribution } from '../../lib/batch-attribution';
import { batchInstanceQueries } from './batch-instance-queries';
import type { UnchangedInstancesResult } from './batch-instance-queries';
import { batchQueries } from './batch-queries';
import { failedJobProcessInstance, UNNAMED_JOB_REASON } from './failed-job-process-instance';
import type { FailedJobProcessInstance } from './failed-job-process-instance';
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
  batch: BatchDto;
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
 * process instance each was for, wherever it can be known; jobs at 0 retries can be retried one
 * by one or all at once.
 */
export function FailedJobsTable({
  batch,
  batchJobDefinitionId,
  pollIntervalMs,
}: FailedJobsTableProps) {
  const jobs = useQuery(jobQueries.failedJobs(batchJobDefinitionId, pollIntervalMs));
  // What the batch itself tells of its instances, asked only for jobs nothing else names.
  const unnamedByJob = (jobs.data ?? []).some((job) => failedJobProcessInstance(job) === null);
  const attribution = useQuery({
    ...batchInstanceQueries.attribution(batch),
    enabled: unnamedByJob,
  });
  const named = new Map(
    (jobs.data ?? []).map((job) => [
      job.id,
      failedJobProcessInstance(job, attribution.data ?? null),
    ]),
  );
  const namedIds = [
    ...new Set(
      [...named.values()].flatMap((instance) =>
        instance === null ? [] : [instance.processInstanceId],
      ),
    ),
  ].sort();
  const unnamedJobIds = [...named].filter(([, instance]) => instance === null).map(([id]) => id);
  const unchanged = useQuery({
    ...batchInstanceQueries.unchanged(
      attribution.data ?? { kind: 'unknown', batch, reason: 'it is not known yet' },
      namedIds,
    ),
    enabled: attribution.data !== undefined && unnamedJobIds.length > 0,
  });
  // One failure left unnamed and one instance of the batch still as it was: most likely that one.
  const [onlyUnchanged, ...moreUnchanged] =
    unchanged.data?.kind === 'found' ? unchanged.data.processInstanceIds : [];
  const likely =
    unnamedJobIds.length === 1 && onlyUnchanged !== undefined && moreUnchanged.length === 0
      ? onlyUnchanged
      : null;
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
                  processInstance={named.get(job.id) ?? null}
                  likelyProcessInstanceId={likely}
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
      {unnamedJobIds.length > 0 && (
        <UnnamedFailures
          unnamedCount={unnamedJobIds.length}
          attribution={attribution.data}
          unchanged={unchanged.data}
          isPending={attribution.isPending || unchanged.isPending}
          error={attribution.error ?? unchanged.error}
        />
      )}
    </section>
  );
}

interface FailedJobRowsProps {
  job: JobDto;
  processInstance: FailedJobProcessInstance | null;
  /** The only instance of the batch still in its old state, when this is the one unnamed job. */
  likelyProcessInstanceId: string | null;
  expanded: boolean;
  retrying: boolean;
  onToggleStacktrace: (jobId: string) => void;
  onRetry: (jobId: string) => void;
}

function FailedJobRows({
  job,
  processInstance,
  likelyProcessInstanceId,
  expanded,
  retrying,
  onToggleStacktrace,
  onRetry,
}: FailedJobRowsProps) {
  const stacktraceId = `stacktrace-${job.id}`;
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
          {processInstance !== null ? (
            <>
              <InstanceLink processInstanceId={processInstance.processInstanceId} />
              {processInstance.source !== 'job' && (
                <span className="batch-muted failed-jobs__source">
                  {processInstance.source === 'message'
                    ? 'named in the exception'
                    : 'the only instance of this batch'}
                </span>
              )}
            </>
          ) : likelyProcessInstanceId !== null ? (
            <>
              <span className="batch-muted failed-jobs__source">Probably</span>
              <InstanceLink processInstanceId={likelyProcessInstanceId} />
              <span className="batch-muted failed-jobs__source">
                the only instance of this batch still in its old state
              </span>
            </>
          ) : (
            <span className="batch-muted">
              Not recorded by Camunda
              <span className="failed-jobs__source">{UNNAMED_JOB_REASON}</span>
            </span>
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

function InstanceLink({ processInstanceId }: { processInstanceId: string }) {
  return (
    <RouterLink
      className="batch-id"
      to="/process-instances/$processInstanceId"
      params={{ processInstanceId }}
    >
      {processInstanceId}
    </RouterLink>
  );
}

interface UnnamedFailuresProps {
  unnamedCount: number;
  attribution: BatchAttribution | undefined;
  unchanged: UnchangedInstancesResult | undefined;
  isPending: boolean;
  error: unknown;
}

/**
 * The closest help for failures no field or message names: the instances of the batch that still
 * look as they did when it was created. A failed job changes nothing (its transaction is rolled
 * back), so its instance is among them, unless something else changed it since.
 */
function UnnamedFailures({
  unnamedCount,
  attribution,
  unchanged,
  isPending,
  error,
}: UnnamedFailuresProps) {
  const jobs = unnamedCount === 1 ? 'one failed job' : `${String(unnamedCount)} failed jobs`;
  const intro = `Camunda does not record which process instance a modification batch job was for, and the exception of ${jobs} names none; its stack trace may.`;
  if (error !== null) {
    return (
      <ErrorNotification title="The instances of this batch could not be checked" error={error} />
    );
  }
  if (attribution === undefined || (isPending && unchanged === undefined)) {
    return (
      <div className="failed-jobs__help">
        <p>{intro}</p>
        <InlineLoading description="Looking for the instances of this batch still in their old state…" />
      </div>
    );
  }
  if (unchanged === undefined || unchanged.kind === 'cannotTell') {
    return (
      <div className="failed-jobs__help">
        <p>
          {intro} Which instances of the batch are still in their old state cannot be told
          {unchanged === undefined ? '.' : `, because ${unchanged.reason}.`}
        </p>
      </div>
    );
  }
  const { processInstanceIds, checked, fromQuery } = unchanged;
  const of = fromQuery
    ? `of the ${String(checked)} instances the batch's query matches now`
    : `of the ${String(checked)} instances this console sent with the batch`;
  return (
    <div
      className="failed-jobs__help"
      role="region"
      aria-label="Instances still in their old state"
    >
      <p>{intro}</p>
      {processInstanceIds.length === 0 ? (
        <p>
          None {of} is still in its old state: each has ended or changed since the batch was
          created.
        </p>
      ) : (
        <>
          <p>
            {processInstanceIds.length} {of}{' '}
            {processInstanceIds.length === 1 ? 'still runs and shows' : 'still run and show'} no
            activity started or ended since the batch was created. A failed job changes nothing, so{' '}
            {unnamedCount === 1
              ? 'the instance of this failure is'
              : 'the instances of these failures are'}{' '}
            {processInstanceIds.length === 1 ? 'most likely this one' : 'among them'}, unless
            something else changed {unnamedCount === 1 ? 'it' : 'them'} since:
          </p>
          <ul className="failed-jobs__candidates">
            {processInstanceIds.map((id) => (
              <li key={id}>
                <InstanceLink processInstanceId={id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
