import {
  Button,
  DataTableSkeleton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
} from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { BATCH_POLL_INTERVAL_MS } from '../../lib/polling';
import { BatchNotificationsArea } from './batch-notifications-area';
import { toBatchProgress } from './batch-progress';
import { BatchProgressBar } from './batch-progress-bar';
import { BatchRefusalsNote } from './batch-refusals-note';
import { batchQueries, FINISHED_BATCHES_FILTERS } from './batch-queries';
import { BatchStateTag } from './batch-state-tag';
import { DeleteBatchDialog } from './delete-batch-dialog';
import { formatCamundaTimestamp } from '../../lib/camunda-date';
import { hasRunning } from './has-running';
import { useActivateBatch } from './use-activate-batch';
import { batchRefusalsId, useBatchPermissions } from './use-batch-permissions';
import './batches.scss';
import { useSuspendBatch } from './use-suspend-batch';

const RUNNING_LABEL = 'Running batches';
const FINISHED_LABEL = 'Finished batches';

const RUNNING_HEADERS = [
  { key: 'id', header: 'Batch' },
  { key: 'type', header: 'Type' },
  { key: 'progress', header: 'Progress' },
  { key: 'state', header: 'State' },
  { key: 'startTime', header: 'Started' },
  { key: 'actions', header: 'Actions' },
];

const FINISHED_HEADERS = [
  { key: 'id', header: 'Batch' },
  { key: 'type', header: 'Type' },
  { key: 'totalJobs', header: 'Jobs' },
  { key: 'createUserId', header: 'Created by' },
  { key: 'startTime', header: 'Started' },
  { key: 'endTime', header: 'Ended' },
];

interface BatchDashboardProps {
  /** Tests pass a short one; the console uses `BATCH_POLL_INTERVAL_MS`. */
  pollIntervalMs?: number;
}

interface ActionError {
  title: string;
  error: unknown;
}

/**
 * Running batches with their progress, polled as one list, and the latest finished batches from
 * history. Running batches can be suspended, resumed and deleted from here.
 */
export function BatchDashboard({ pollIntervalMs = BATCH_POLL_INTERVAL_MS }: BatchDashboardProps) {
  const statistics = useQuery(batchQueries.statistics(pollIntervalMs));
  const finished = useQuery(batchQueries.history(FINISHED_BATCHES_FILTERS));
  const suspendBatch = useSuspendBatch();
  const activateBatch = useActivateBatch();
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const [deletingBatchId, setDeletingBatchId] = useState<string | null>(null);

  const isChanging = (batchId: string) =>
    (suspendBatch.isPending && suspendBatch.variables === batchId) ||
    (activateBatch.isPending && activateBatch.variables === batchId);

  const handleSuspend = (batchId: string) => {
    setActionError(null);
    suspendBatch.mutate(batchId, {
      onError: (error) => {
        setActionError({ title: `Batch ${batchId} could not be suspended`, error });
      },
    });
  };

  const handleResume = (batchId: string) => {
    setActionError(null);
    activateBatch.mutate(batchId, {
      onError: (error) => {
        setActionError({ title: `Batch ${batchId} could not be resumed`, error });
      },
    });
  };

  const handleDelete = (batchId: string) => {
    setActionError(null);
    setDeletingBatchId(batchId);
  };

  return (
    <div className="batch-dashboard">
      <BatchNotificationsArea />
      {actionError !== null && (
        <div className="batch-alert">
          <ErrorNotification title={actionError.title} error={actionError.error} />
        </div>
      )}

      <section className="batch-section" aria-labelledby="running-batches-heading">
        <h2 id="running-batches-heading" className="batch-section__title">
          {RUNNING_LABEL}
        </h2>
        <p className="batch-section__caption">
          {hasRunning(statistics.data)
            ? `Refreshes every ${formatSeconds(pollIntervalMs)} while batches run.`
            : 'Nothing runs by itself: the list refreshes after each action.'}
        </p>
        {statistics.isPending ? (
          <DataTableSkeleton
            aria-label={`${RUNNING_LABEL} (loading)`}
            headers={RUNNING_HEADERS}
            columnCount={RUNNING_HEADERS.length}
            rowCount={2}
            showHeader={false}
            showToolbar={false}
          />
        ) : statistics.error !== null ? (
          <ErrorNotification
            title="The running batches could not be loaded"
            error={statistics.error}
          />
        ) : statistics.data.length === 0 ? (
          <p className="batch-section__empty">No batch is running.</p>
        ) : (
          <RunningBatchesTable
            batches={statistics.data}
            isChanging={isChanging}
            onSuspend={handleSuspend}
            onResume={handleResume}
            onDelete={handleDelete}
          />
        )}
      </section>

      <section className="batch-section" aria-labelledby="finished-batches-heading">
        <h2 id="finished-batches-heading" className="batch-section__title">
          {FINISHED_LABEL}
        </h2>
        {finished.isPending ? (
          <DataTableSkeleton
            aria-label={`${FINISHED_LABEL} (loading)`}
            headers={FINISHED_HEADERS}
            columnCount={FINISHED_HEADERS.length}
            rowCount={2}
            showHeader={false}
            showToolbar={false}
          />
        ) : finished.error !== null ? (
          <ErrorNotification
            title="The finished batches could not be loaded"
            error={finished.error}
          />
        ) : finished.data.length === 0 ? (
          <p className="batch-section__empty">No batch has finished yet.</p>
        ) : (
          <FinishedBatchesTable batches={finished.data} />
        )}
      </section>

      {deletingBatchId !== null && (
        <DeleteBatchDialog
          batchId={deletingBatchId}
          onClose={() => {
            setDeletingBatchId(null);
          }}
        />
      )}
    </div>
  );
}

interface RunningBatchesTableProps {
  batches: readonly BatchStatisticsDto[];
  isChanging: (batchId: string) => boolean;
  onSuspend: (batchId: string) => void;
  onResume: (batchId: string) => void;
  onDelete: (batchId: string) => void;
}

function RunningBatchesTable({
  batches,
  isChanging,
  onSuspend,
  onResume,
  onDelete,
}: RunningBatchesTableProps) {
  return (
    <TableContainer>
      <Table aria-label={RUNNING_LABEL} size="md">
        <TableHead>
          <TableRow>
            {RUNNING_HEADERS.map(({ key, header }) => (
              <TableHeader key={key}>{header}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {batches.map((batch) => {
            const progress = toBatchProgress(batch);
            return (
              <TableRow key={batch.id}>
                <TableCell>
                  <BatchLink batchId={batch.id} truncated />
                </TableCell>
                <TableCell className="batch-dashboard__nowrap">{batch.type}</TableCell>
                <TableCell className="batch-dashboard__progress-cell">
                  <BatchProgressBar progress={progress} label={`Progress of batch ${batch.id}`} />
                </TableCell>
                <TableCell>
                  <BatchStateTag state={progress.state} />
                </TableCell>
                <TableCell className="batch-dashboard__time">
                  {formatCamundaTimestamp(batch.startTime)}
                  <span className="batch-dashboard__by">by {batch.createUserId ?? 'unknown'}</span>
                </TableCell>
                <TableCell className="batch-dashboard__actions">
                  <RunningBatchActions
                    batch={batch}
                    changing={isChanging(batch.id)}
                    onSuspend={onSuspend}
                    onResume={onResume}
                    onDelete={onDelete}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

interface RunningBatchActionsProps {
  batch: BatchStatisticsDto;
  changing: boolean;
  onSuspend: (batchId: string) => void;
  onResume: (batchId: string) => void;
  onDelete: (batchId: string) => void;
}

/** Suspend or resume, and delete: offered where the engine grants them, else said why not. */
function RunningBatchActions({
  batch,
  changing,
  onSuspend,
  onResume,
  onDelete,
}: RunningBatchActionsProps) {
  const refusals = useBatchPermissions(batch.id, batch.suspended);
  const describedBy = (refusal: string | null) =>
    refusal === null ? undefined : batchRefusalsId(batch.id);
  return (
    <>
      <Button
        kind="ghost"
        size="sm"
        disabled={changing || refusals.update !== null}
        aria-describedby={describedBy(refusals.update)}
        onClick={() => {
          if (batch.suspended) {
            onResume(batch.id);
          } else {
            onSuspend(batch.id);
          }
        }}
      >
        {batch.suspended ? 'Resume' : 'Suspend'}
      </Button>
      <Button
        kind="danger--ghost"
        size="sm"
        disabled={refusals.delete !== null}
        aria-describedby={describedBy(refusals.delete)}
        onClick={() => {
          onDelete(batch.id);
        }}
      >
        Delete
      </Button>
      <BatchRefusalsNote batchId={batch.id} refusals={refusals} />
    </>
  );
}

function FinishedBatchesTable({ batches }: { batches: readonly HistoricBatchDto[] }) {
  return (
    <TableContainer>
      <Table aria-label={FINISHED_LABEL} size="md">
        <TableHead>
          <TableRow>
            {FINISHED_HEADERS.map(({ key, header }) => (
              <TableHeader key={key}>{header}</TableHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {batches.map((batch) => (
            <TableRow key={batch.id}>
              <TableCell>
                <BatchLink batchId={batch.id} />
              </TableCell>
              <TableCell>{batch.type}</TableCell>
              <TableCell>{batch.totalJobs}</TableCell>
              <TableCell>{batch.createUserId ?? '–'}</TableCell>
              <TableCell className="batch-dashboard__time">
                {formatCamundaTimestamp(batch.startTime)}
              </TableCell>
              <TableCell className="batch-dashboard__time">
                {formatCamundaTimestamp(batch.endTime)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function BatchLink({ batchId, truncated = false }: { batchId: string; truncated?: boolean }) {
  return (
    <RouterLink
      className={truncated ? 'batch-id batch-dashboard__id' : 'batch-id'}
      title={truncated ? batchId : undefined}
      to="/batches/$batchId"
      params={{ batchId }}
    >
      {batchId}
    </RouterLink>
  );
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${String(Math.round(ms / 100) / 10)} s` : `${String(ms)} ms`;
}
