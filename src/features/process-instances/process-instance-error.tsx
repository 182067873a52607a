import { useQuery } from '@tanstack/react-query';

import { ErrorNotification } from '../../components/error-notification';
import { isInstanceGone } from './is-instance-gone';
import { processInstanceQueries } from './process-instance-queries';
import { WayBackFromGoneInstance } from './way-back-from-gone-instance';

import './process-instance.scss';

interface ProcessInstanceErrorProps {
  processInstanceId: string;
  error: Error;
}

/**
 * Why the instance cannot be shown. A 404 means it is gone (ended, or deleted): the history
 * still knows its definition, whose instance list is the way back.
 */
export function ProcessInstanceError({ processInstanceId, error }: ProcessInstanceErrorProps) {
  const isGone = isInstanceGone(error);
  const history = useQuery({
    ...processInstanceQueries.history(processInstanceId),
    enabled: isGone,
  });

  if (!isGone) {
    return <ErrorNotification title="The process instance could not be loaded" error={error} />;
  }
  return (
    <div className="process-instance-error">
      <ErrorNotification title="This process instance no longer exists" error={error} />
      <p className="process-instance-error__text">
        It has ended or was deleted, so there is nothing left to repair.{' '}
        <WayBackFromGoneInstance history={history.data} />
      </p>
    </div>
  );
}
