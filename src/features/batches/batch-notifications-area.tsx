import { ToastNotification } from '@carbon/react';

import type { BatchNotification } from './use-batch-notifications';
import { useBatchNotifications } from './use-batch-notifications';

/** A finished batch is good news that may go by itself; failures stay until read. */
const FINISHED_TOAST_TIMEOUT_MS = 10_000;

/**
 * Toasts about the signed-in user's batches, fed by the statistics poll of the page it sits on.
 */
export function BatchNotificationsArea() {
  const { notifications, dismiss } = useBatchNotifications();
  if (notifications.length === 0) {
    return null;
  }
  return (
    <div className="batch-toasts">
      {notifications.map((notification) => (
        <ToastNotification
          key={notification.key}
          kind={notification.kind === 'finished' ? 'success' : 'error'}
          role={notification.kind === 'finished' ? 'status' : 'alert'}
          lowContrast
          title={toTitle(notification)}
          subtitle={toSubtitle(notification)}
          timeout={notification.kind === 'finished' ? FINISHED_TOAST_TIMEOUT_MS : 0}
          onClose={() => {
            dismiss(notification.key);
          }}
        />
      ))}
    </div>
  );
}

function toSubtitle(notification: BatchNotification): string {
  if (notification.kind === 'finished') {
    return `Your ${notification.type} batch has run all its jobs.`;
  }
  return `Your ${notification.type} batch: open it to see the exceptions and retry the jobs.`;
}

function toTitle(notification: BatchNotification): string {
  if (notification.kind === 'finished') {
    return `Batch ${notification.batchId} finished`;
  }
  const jobs = notification.failedJobs === 1 ? 'failed job' : 'failed jobs';
  return `Batch ${notification.batchId} has ${String(notification.failedJobs)} ${jobs}`;
}
