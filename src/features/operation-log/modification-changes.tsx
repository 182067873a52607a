import { InlineLoading } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import { ErrorNotification } from '../../components/error-notification';
import { operationLogQueries } from './operation-log-queries';
import { CHANGE_WINDOW_MS, describeTokenChange, reconstructChanges } from './reconstruct-changes';
import type { TokenChange } from './reconstruct-changes';

interface ModificationChangesProps {
  operationId: string;
  processInstanceId: string;
  /** The operation's log timestamp (Camunda date). */
  timestamp: string;
}

/** What one modification of one instance removed and added, reconstructed from its history. */
export function ModificationChanges({
  operationId,
  processInstanceId,
  timestamp,
}: ModificationChangesProps) {
  const history = useQuery(operationLogQueries.activityHistory(processInstanceId));
  const nearby = useQuery(operationLogQueries.around(processInstanceId, timestamp));

  let content;
  if (history.error !== null || nearby.error !== null) {
    content = (
      <ErrorNotification
        title="What changed could not be reconstructed"
        error={history.error ?? nearby.error}
      />
    );
  } else if (history.isPending || nearby.isPending) {
    content = <InlineLoading description="Reading the instance's history…" />;
  } else {
    const { removed, added } = reconstructChanges({
      operation: { operationId, timestamp },
      nearbyEntries: nearby.data,
      activityInstances: history.data,
    });
    content =
      removed.length === 0 && added.length === 0 ? (
        <p>No token changes recorded around this time.</p>
      ) : (
        <ul className="modification-changes__list">
          {removed.length > 0 && <li>Removed: {describeAll(removed)}</li>}
          {added.length > 0 && <li>Added: {describeAll(added)}</li>}
        </ul>
      );
  }

  return (
    <section className="modification-changes" aria-label="What changed">
      <h3 className="modification-changes__title">What changed</h3>
      {content}
      <p className="modification-changes__note">
        Reconstructed from the instance&apos;s history around the time of the operation (±
        {CHANGE_WINDOW_MS / 1000} s). Tokens that jobs or timers moved at that moment show up too.
        Tokens waiting in an asynchronous continuation leave no history, and what an asynchronous
        modification changes later is not included.
      </p>
    </section>
  );
}

function describeAll(changes: readonly TokenChange[]): string {
  return changes.map(describeTokenChange).join(', ');
}
