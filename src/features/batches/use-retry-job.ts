import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { RetriesDto } from '../../../contract/camunda/job';
import { engineRequest } from '../../api/engine-client';
import { batchStateKeys, invalidateResources } from '../../api/query-keys';

/** One more attempt for a failed job (`PUT /job/{id}/retries` with `retries: 1`). */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => putJobRetries(jobId),
    onSuccess: () => invalidateResources(queryClient, batchStateKeys),
  });
}

function putJobRetries(jobId: string): Promise<void> {
  return engineRequest(`/job/${encodeURIComponent(jobId)}/retries`, {
    method: 'PUT',
    body: { retries: 1 } satisfies RetriesDto,
  });
}
