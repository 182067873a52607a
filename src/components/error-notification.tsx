import { InlineNotification } from '@carbon/react';

import { isEngineError } from '../api/engine-error';

interface ErrorNotificationProps {
  title: string;
  error: unknown;
}

/** Shows a failed request as Camunda reports it: the exception type, then its message. */
export function ErrorNotification({ title, error }: ErrorNotificationProps) {
  return (
    <InlineNotification
      kind="error"
      role="alert"
      lowContrast
      hideCloseButton
      title={title}
      subtitle={describeError(error)}
    />
  );
}

function describeError(error: unknown): string {
  if (isEngineError(error)) {
    return error.message === '' ? error.type : `${error.type}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
