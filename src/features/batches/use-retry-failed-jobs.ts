import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { RetriesDto } from '../../../contract/camunda/job';
import { engineRequest } from '../../api/engine-client';
import { batchKeys } from './batch-queries';

/**
 * One more attempt for every failed job of a batch, in one request:
 * `PUT /job-definition/{batchJobDefinitionId}/retries` sets the retries of the definition's jobs
 * that have none left and leaves the others alone
 * (docs/camunda-semantics.md#failed-jobs-and-retries).
 */
export function useRetryFailedJobs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchJobDefinitionId: string) => putJobDefinitionRetries(batchJobDefinitionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchKeys.all }),
  });
}

function putJobDefinitionRetries(batchJobDefinitionId: string): Promise<void> {
  return engineRequest(`/job-definition/${encodeURIComponent(batchJobDefinitionId)}/retries`, {
    method: 'PUT',
    body: { retries: 1 } satisfies RetriesDto,
  });
}
