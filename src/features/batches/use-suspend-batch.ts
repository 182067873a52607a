import { useMutation, useQueryClient } from '@tanstack/react-query';

import { engineRequest } from '../../api/engine-client';
import { batchStateKeys, invalidateResources } from '../../api/query-keys';

/**
 * Suspends a batch (`PUT /batch/{id}/suspended`): its seed, monitor and execution jobs stop being
 * picked up until it is resumed. Needs the `UPDATE` permission on the batch.
 */
export function useSuspendBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => putBatchSuspended(batchId),
    onSuccess: () => invalidateResources(queryClient, batchStateKeys),
  });
}

function putBatchSuspended(batchId: string): Promise<void> {
  return engineRequest(`/batch/${encodeURIComponent(batchId)}/suspended`, {
    method: 'PUT',
    body: { suspended: true },
  });
}
