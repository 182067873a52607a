import { InlineNotification } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { processInstanceQueries } from '../../api/process-instance-queries';
import { formatCamundaTimestamp } from '../../lib/camunda-date';
import { WayBackFromGoneInstance } from './way-back-from-gone-instance';

import './process-instance.scss';

/**
 * The instance ended because the operator applied a plan that ends it: a success, not an error.
 * The history keeps it; its operation log (which the page shows beside this) records the
 * modification and its annotation.
 */
export function ProcessInstanceEnded({ processInstanceId }: { processInstanceId: string }) {
  const history = useQuery(processInstanceQueries.history(processInstanceId));
  const ref = useRef<HTMLDivElement>(null);
  // The review dialog the operator pressed Apply in is gone with the workspace: focus continues
  // from the outcome instead of the page's start.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const ended =
    history.data === undefined
      ? ''
      : ` It ended ${formatCamundaTimestamp(history.data.endTime)} (${history.data.state}).`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label="Outcome"
      className="process-instance-error"
    >
      <InlineNotification
        kind="success"
        role="status"
        lowContrast
        hideCloseButton
        title="The instance ended as planned"
        subtitle={`The modification ended it, as its preview said.${ended}`}
      />
      <p className="process-instance-error__text">
        There is nothing left to repair. Its history stays: the operation log below records the
        modification and its annotation. <WayBackFromGoneInstance history={history.data} />
      </p>
    </div>
  );
}
