import { InlineLoading, InlineNotification } from '@carbon/react';

import { ErrorNotification } from '../../../components/error-notification';
import { RouterLink } from '../../../components/router-link';
import type { BatchDto } from '../../../../contract/camunda/batch';
import type { OverlapReport } from '../api/bulk-queries';

export interface BulkOverlapWarningProps {
  report: OverlapReport | undefined;
  error: unknown;
  isPending: boolean;
}

/** Most ids a warning lists; the rest are counted. */
const LISTED_IDS = 5;

const NO_INSTANCE_LIST = "Camunda's REST API does not list a batch's instances.";

/** Running modification batches that already hold some of the selected instances, said truthfully. */
export function BulkOverlapWarning({ report, error, isPending }: BulkOverlapWarningProps) {
  if (isPending) {
    return <InlineLoading description="Checking running modification batches…" />;
  }
  if (error !== null || report === undefined) {
    return (
      <ErrorNotification title="Running modification batches could not be checked" error={error} />
    );
  }
  if (report.overlaps.length === 0 && report.unknown.length === 0) {
    return (
      <p className="modification-workspace__hint">
        {report.runningBatchCount === 0
          ? 'No modification batch is running.'
          : `None of the ${String(report.runningBatchCount)} running modification batches holds these instances.`}
      </p>
    );
  }
  return (
    <div className="bulk-overlap" aria-label="Running modification batches">
      {report.overlaps.length > 0 && (
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title="Some of these instances are already in a running modification batch"
          subtitle="Modifying them again now may conflict with what the batch does when its jobs run."
        />
      )}
      <ul className="bulk-overlap__list">
        {report.overlaps.map(({ batch, count, processInstanceIds }) => (
          <li key={batch.id}>
            <BatchLink batch={batch} /> holds {count} of the selected instances
            {processInstanceIds === null
              ? ' (it was created here with a query; counted against that query now)'
              : `: ${processInstanceIds.slice(0, LISTED_IDS).join(', ')}${
                  processInstanceIds.length > LISTED_IDS
                    ? ` and ${String(processInstanceIds.length - LISTED_IDS)} more`
                    : ''
                }`}
            .
          </li>
        ))}
        {groupByReason(report.unknown).map(({ reason, batches }) =>
          batches.length === 1 ? (
            <li key={reason}>
              <BatchLink batch={batches[0]} /> is running, and which instances it modifies cannot be
              known: {reason}. {NO_INSTANCE_LIST}
            </li>
          ) : (
            <li key={reason}>
              For each of these {batches.length} running batches, which instances it modifies cannot
              be known: {reason}. {NO_INSTANCE_LIST}
              <details className="bulk-overlap__batches">
                <summary>The {batches.length} batches</summary>
                <ul>
                  {batches.map((batch) => (
                    <li key={batch.id}>
                      <BatchLink batch={batch} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function BatchLink({ batch }: { batch: BatchDto }) {
  return (
    <RouterLink to="/batches/$batchId" params={{ batchId: batch.id }}>
      Batch {batch.id}
    </RouterLink>
  );
}

/**
 * Batches with the same reason, in their first one's order: a console shared by many teams may
 * have dozens of them running, which one sentence and a list to open say better than dozens.
 */
function groupByReason(
  unknown: OverlapReport['unknown'],
): { reason: string; batches: [BatchDto, ...BatchDto[]] }[] {
  const groups = new Map<string, [BatchDto, ...BatchDto[]]>();
  for (const { batch, reason } of unknown) {
    const group = groups.get(reason);
    if (group === undefined) {
      groups.set(reason, [batch]);
    } else {
      group.push(batch);
    }
  }
  return [...groups].map(([reason, batches]) => ({ reason, batches }));
}
