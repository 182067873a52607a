import { useMutation, useQueryClient } from '@tanstack/react-query';

import { engineRequest } from '../../api/engine-client';
import { operationLogKeys } from '../../api/query-keys';

/**
 * `PUT /history/user-operation/{operationId}/clear-annotation`: Camunda clears the annotation of
 * every entry of the operation and logs a `ClearAnnotation` entry, so the log is refetched.
 */
export function useClearAnnotation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operationId: string) => clearAnnotation(operationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationLogKeys.entries() }),
  });
}

function clearAnnotation(operationId: string): Promise<void> {
  return engineRequest(
    `/history/user-operation/${encodeURIComponent(operationId)}/clear-annotation`,
    { method: 'PUT' },
  );
}
