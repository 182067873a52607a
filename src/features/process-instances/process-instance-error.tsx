import { InlineLoading, InlineNotification } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { processInstanceQueries } from '../../api/process-instance-queries';
import { ErrorNotification } from '../../components/error-notification';
import { formatCamundaTimestamp } from '../../lib/camunda-date';
import { isInstanceGone } from './is-instance-gone';
import { WayBackFromGoneInstance } from './way-back-from-gone-instance';

import './process-instance.scss';

interface ProcessInstanceErrorProps {
  processInstanceId: string;
  error: Error;
  /** Shown when the history says the instance ended: its operation log says who ended it. */
  historySection?: ReactNode;
}

/**
 * Why the instance cannot be shown. A 404 means it is gone: when the history still has it, it
 * ended (completed, or cancelled by someone: its state says which), which is no failure; when
 * the history does not know it either, it was deleted with its history or never existed.
 */
export function ProcessInstanceError({
  processInstanceId,
  error,
  historySection,
}: ProcessInstanceErrorProps) {
  const isGone = isInstanceGone(error);
  const history = useQuery({
    ...processInstanceQueries.history(processInstanceId),
    enabled: isGone,
  });

  if (!isGone) {
    return <ErrorNotification title="The process instance could not be loaded" error={error} />;
  }
  if (history.isPending) {
    return <InlineLoading description="Looking the instance up in the history…" />;
  }
  const ended = history.data?.endTime ?? null;
  if (history.data !== undefined && ended !== null) {
    return (
      <div className="process-instance-error">
        <InlineNotification
          kind="info"
          role="status"
          lowContrast
          hideCloseButton
          title="This process instance has ended"
          subtitle={`It ended ${formatCamundaTimestamp(ended)} (${history.data.state}), so there is nothing left to repair.`}
        />
        <p className="process-instance-error__text">
          Its history stays: the operation log below records who modified it and why.{' '}
          <WayBackFromGoneInstance history={history.data} />
        </p>
        {historySection}
      </div>
    );
  }
  return (
    <div className="process-instance-error">
      <ErrorNotification title="This process instance no longer exists" error={error} />
      <p className="process-instance-error__text">
        It was deleted, or never existed, so there is nothing left to repair.{' '}
        <WayBackFromGoneInstance history={history.data} />
      </p>
    </div>
  );
}
