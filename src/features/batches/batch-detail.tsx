import { Button, InlineNotification, SkeletonText } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { ReactNode } from 'react';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import { ErrorNotification } from '../../components/error-notification';
import { BATCH_POLL_INTERVAL_MS } from '../../lib/polling';
import type { BatchProgress } from './batch-progress';
import { toBatchProgress, toFinishedBatchProgress } from './batch-progress';
import { BatchProgressBar } from './batch-progress-bar';
import { batchQueries, isActiveDetail } from './batch-queries';
import { BatchStateTag } from './batch-state-tag';
import { BatchRefusalsNote } from './batch-refusals-note';
import { DeleteBatchDialog } from './delete-batch-dialog';
import { FailedJobsTable } from './failed-jobs-table';
import { formatCamundaTimestamp } from '../../lib/camunda-date';
import { useActivateBatch } from './use-activate-batch';
import { batchRefusalsId, useBatchPermissions } from './use-batch-permissions';
import './batches.scss';
import { useSuspendBatch } from './use-suspend-batch';

interface BatchDetailProps {
  batchId: string;
  /** Tests pass a short one; the console uses `BATCH_POLL_INTERVAL_MS`. */
  pollIntervalMs?: number;
}

interface Field {
  label: string;
  /** The DTO property, for operators who compare with the REST API. */
  name: string;
  value: ReactNode;
}

/**
 * One batch: every field Camunda reports, its progress and state, and its failed jobs. A batch that
 * has left the runtime is shown from history, as finished.
 */
export function BatchDetail({
  batchId,
  pollIntervalMs = BATCH_POLL_INTERVAL_MS,
}: BatchDetailProps) {
  const detail = useQuery(batchQueries.detail(batchId, pollIntervalMs));
  const navigate = useNavigate();
  const suspendBatch = useSuspendBatch();
  const activateBatch = useActivateBatch();
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const refusals = useBatchPermissions(
    batchId,
    detail.data?.finished === false && detail.data.batch.suspended,
  );

  if (detail.isPending) {
    return (
      <div className="batch-detail">
        <h1 className="app-page__title">Batch {batchId}</h1>
        <SkeletonText paragraph lineCount={6} />
      </div>
    );
  }
  if (detail.error !== null) {
    return (
      <div className="batch-detail">
        <h1 className="app-page__title">Batch {batchId}</h1>
        <ErrorNotification title="The batch could not be loaded" error={detail.error} />
      </div>
    );
  }

  const { data } = detail;
  const progress = data.finished
    ? toFinishedBatchProgress(data.batch)
    : toBatchProgress(data.batch);
  const polling = isActiveDetail(data) ? pollIntervalMs : false;

  const handleToggleSuspension = (batch: BatchStatisticsDto) => {
    setActionError(null);
    const mutation = batch.suspended ? activateBatch : suspendBatch;
    mutation.mutate(batch.id, {
      onError: (error) => {
        setActionError({
          title: `The batch could not be ${batch.suspended ? 'resumed' : 'suspended'}`,
          error,
        });
      },
    });
  };

  return (
    <div className="batch-detail">
      <div className="batch-detail__header">
        <h1 className="app-page__title batch-detail__title">
          Batch <span className="batch-id">{data.batch.id}</span>
        </h1>
        <BatchStateTag state={progress.state} />
      </div>

      {!data.finished && (
        <div className="batch-detail__actions">
          <Button
            kind="tertiary"
            size="sm"
            disabled={suspendBatch.isPending || activateBatch.isPending || refusals.update !== null}
            aria-describedby={refusals.update === null ? undefined : batchRefusalsId(batchId)}
            onClick={() => {
              handleToggleSuspension(data.batch);
            }}
          >
            {data.batch.suspended ? 'Resume' : 'Suspend'}
          </Button>
          <Button
            kind="danger--tertiary"
            size="sm"
            disabled={refusals.delete !== null}
            aria-describedby={refusals.delete === null ? undefined : batchRefusalsId(batchId)}
            onClick={() => {
              setActionError(null);
              setIsDeleting(true);
            }}
          >
            Delete
          </Button>
          <BatchRefusalsNote batchId={batchId} refusals={refusals} />
        </div>
      )}
      {actionError !== null && (
        <div className="batch-alert">
          <ErrorNotification title={actionError.title} error={actionError.error} />
        </div>
      )}

      <StateNotice progress={progress} />

      <div className="batch-detail__progress">
        <BatchProgressBar progress={progress} label={`Progress of batch ${data.batch.id}`} />
      </div>

      <section className="batch-section" aria-labelledby="batch-fields-heading">
        <h2 id="batch-fields-heading" className="batch-section__title">
          Details
        </h2>
        <dl className="batch-fields">
          {(data.finished ? historicFields(data.batch) : runningFields(data.batch)).map(
            ({ label, name, value }) => (
              <div key={name} className="batch-fields__item">
                <dt id={`batch-field-${name}`} className="batch-fields__label" title={name}>
                  {label}
                </dt>
                <dd className="batch-fields__value" aria-labelledby={`batch-field-${name}`}>
                  {value}
                </dd>
              </div>
            ),
          )}
        </dl>
      </section>

      {data.finished ? (
        <p className="batch-section__empty">
          The batch has finished: Camunda removed its jobs with it, failed ones included.
        </p>
      ) : data.batch.batchJobDefinitionId === null ? null : (
        <FailedJobsTable
          batch={data.batch}
          batchJobDefinitionId={data.batch.batchJobDefinitionId}
          pollIntervalMs={polling}
        />
      )}

      {isDeleting && (
        <DeleteBatchDialog
          batchId={data.batch.id}
          onClose={() => {
            setIsDeleting(false);
          }}
          onDeleted={(cascade) => {
            // Without cascade the batch stays in history and this page shows it as finished.
            if (cascade) {
              void navigate({ to: '/batches' });
            }
          }}
        />
      )}
    </div>
  );
}

/** Says in words what a bar alone would hide: why a batch is not moving, or what it waits for. */
function StateNotice({ progress }: { progress: BatchProgress }) {
  switch (progress.state) {
    case 'stuck':
      return (
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title="Stuck: failed jobs block completion."
          subtitle={`${jobsText(progress.failedJobs)} no retries left. Camunda ends a batch only when all its jobs are done, so this one waits until they are retried and succeed, or until it is deleted.`}
        />
      );
    case 'completing':
      return (
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title="All jobs are done."
          subtitle="Camunda's monitor job ends the batch at its next check (by default every 30 s)."
        />
      );
    case 'suspended':
      return (
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title="Suspended."
          subtitle="None of its jobs runs until the batch is resumed."
        />
      );
    case 'running':
    case 'finished':
      return null;
  }
}

function jobsText(count: number): string {
  return count === 1 ? '1 job has' : `${String(count)} jobs have`;
}

function runningFields(batch: BatchStatisticsDto): Field[] {
  return [
    { label: 'Id', name: 'id', value: <span className="batch-id">{batch.id}</span> },
    { label: 'Type', name: 'type', value: batch.type },
    { label: 'Total jobs', name: 'totalJobs', value: batch.totalJobs },
    { label: 'Jobs created', name: 'jobsCreated', value: batch.jobsCreated },
    { label: 'Completed jobs', name: 'completedJobs', value: batch.completedJobs },
    { label: 'Remaining jobs', name: 'remainingJobs', value: batch.remainingJobs },
    { label: 'Failed jobs (0 retries)', name: 'failedJobs', value: batch.failedJobs },
    { label: 'Jobs per seed run', name: 'batchJobsPerSeed', value: batch.batchJobsPerSeed },
    {
      label: 'Instances per job',
      name: 'invocationsPerBatchJob',
      value: batch.invocationsPerBatchJob,
    },
    { label: 'Suspended', name: 'suspended', value: batch.suspended ? 'Yes' : 'No' },
    { label: 'Created by', name: 'createUserId', value: orDash(batch.createUserId) },
    { label: 'Tenant', name: 'tenantId', value: orDash(batch.tenantId) },
    { label: 'Started', name: 'startTime', value: formatCamundaTimestamp(batch.startTime) },
    {
      label: 'First job executed',
      name: 'executionStartTime',
      value: formatCamundaTimestamp(batch.executionStartTime),
    },
    ...jobDefinitionFields(batch),
  ];
}

function historicFields(batch: HistoricBatchDto): Field[] {
  return [
    { label: 'Id', name: 'id', value: <span className="batch-id">{batch.id}</span> },
    { label: 'Type', name: 'type', value: batch.type },
    { label: 'Total jobs', name: 'totalJobs', value: batch.totalJobs },
    { label: 'Jobs per seed run', name: 'batchJobsPerSeed', value: batch.batchJobsPerSeed },
    {
      label: 'Instances per job',
      name: 'invocationsPerBatchJob',
      value: batch.invocationsPerBatchJob,
    },
    { label: 'Created by', name: 'createUserId', value: orDash(batch.createUserId) },
    { label: 'Tenant', name: 'tenantId', value: orDash(batch.tenantId) },
    { label: 'Started', name: 'startTime', value: formatCamundaTimestamp(batch.startTime) },
    {
      label: 'First job executed',
      name: 'executionStartTime',
      value: formatCamundaTimestamp(batch.executionStartTime),
    },
    { label: 'Ended', name: 'endTime', value: formatCamundaTimestamp(batch.endTime) },
    {
      label: 'History removal',
      name: 'removalTime',
      value: formatCamundaTimestamp(batch.removalTime),
    },
    ...jobDefinitionFields(batch),
  ];
}

function jobDefinitionFields(
  batch: Pick<
    HistoricBatchDto,
    'seedJobDefinitionId' | 'monitorJobDefinitionId' | 'batchJobDefinitionId'
  >,
): Field[] {
  const id = (value: string | null) =>
    value === null ? '–' : <span className="batch-id">{value}</span>;
  return [
    {
      label: 'Seed job definition',
      name: 'seedJobDefinitionId',
      value: id(batch.seedJobDefinitionId),
    },
    {
      label: 'Monitor job definition',
      name: 'monitorJobDefinitionId',
      value: id(batch.monitorJobDefinitionId),
    },
    {
      label: 'Execution job definition',
      name: 'batchJobDefinitionId',
      value: id(batch.batchJobDefinitionId),
    },
  ];
}

function orDash(value: string | null): string {
  return value ?? '–';
}
