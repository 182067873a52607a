import { useQuery } from '@tanstack/react-query';

import { isEngineError } from '../../api/engine-error';
import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { processInstanceQueries } from './process-instance-queries';

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
  const isGone = isEngineError(error) && error.status === 404;
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
        {history.data === undefined ? (
          <RouterLink to="/process-definitions">Back to the process definitions</RouterLink>
        ) : (
          <RouterLink
            to="/process-definitions/$processDefinitionId"
            params={{ processDefinitionId: history.data.processDefinitionId }}
          >
            Back to the instances of{' '}
            {history.data.processDefinitionName ?? history.data.processDefinitionKey}
          </RouterLink>
        )}
      </p>
    </div>
  );
}
