import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { RetriesDto } from '../../../contract/camunda/job';
import { engineRequest } from '../../api/engine-client';
import { batchStateKeys, invalidateResources } from '../../api/query-keys';

/**
 * One more attempt for every failed job of a batch, in one request:
 * `PUT /job-definition/{batchJobDefinitionId}/retries` sets the retries of the definition's jobs
 * that have none left and leaves the others alone (Camunda's `SetJobRetriesCmd` →
 * `JobManager.updateFailedJobRetriesByJobDefinitionId`, whose update in `Job.xml` matches only
 * `RETRIES_ = 0`).
 */
export function useRetryFailedJobs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchJobDefinitionId: string) => putJobDefinitionRetries(batchJobDefinitionId),
    onSuccess: () => invalidateResources(queryClient, batchStateKeys),
  });
}

function putJobDefinitionRetries(batchJobDefinitionId: string): Promise<void> {
  return engineRequest(`/job-definition/${encodeURIComponent(batchJobDefinitionId)}/retries`, {
    method: 'PUT',
    body: { retries: 1 } satisfies RetriesDto,
  });
}
