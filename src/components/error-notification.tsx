import { InlineNotification } from '@carbon/react';

import { describeMissingAuthorizations, isEngineError } from '../api/engine-error';

interface ErrorNotificationProps {
  title: string;
  error: unknown;
}

/**
 * Shows a failed request as Camunda reports it: the exception type, then its message; a refusal
 * (403) also says which permission would have allowed it.
 */
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
    const reported = error.message === '' ? error.type : `${error.type}: ${error.message}`;
    const missing = describeMissingAuthorizations(error);
    return missing === null ? reported : `${missing} (${reported})`;
  }
  return error instanceof Error ? error.message : String(error);
}
