import { useMutation, useQueryClient } from '@tanstack/react-query';

import { engineRequest } from '../../api/engine-client';
import { batchStateKeys, invalidateResources } from '../../api/query-keys';

/** Resumes a suspended batch (`PUT /batch/{id}/suspended` with `false`). */
export function useActivateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => putBatchActive(batchId),
    onSuccess: () => invalidateResources(queryClient, batchStateKeys),
  });
}

function putBatchActive(batchId: string): Promise<void> {
  return engineRequest(`/batch/${encodeURIComponent(batchId)}/suspended`, {
    method: 'PUT',
    body: { suspended: false },
  });
}
