import { useMutation, useQueryClient } from '@tanstack/react-query';

import { engineRequest } from '../../api/engine-client';
import { batchKeys, batchStateKeys, invalidateResources } from '../../api/query-keys';

export interface DeleteBatchVariables {
  batchId: string;
  /** Also delete the historic batch and its job log; without, it stays in history as finished. */
  cascade: boolean;
}

/** Lets others see which batches this console deleted (`useMutationState`). */
export const DELETE_BATCH_MUTATION_KEY = [...batchKeys.all, 'delete'] as const;

/** Deletes a batch with its jobs and job definitions (`DELETE /batch/{id}?cascade=`). */
export function useDeleteBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: DELETE_BATCH_MUTATION_KEY,
    mutationFn: (variables: DeleteBatchVariables) => deleteBatch(variables),
    onSuccess: () => invalidateResources(queryClient, batchStateKeys),
  });
}

function deleteBatch({ batchId, cascade }: DeleteBatchVariables): Promise<void> {
  return engineRequest(`/batch/${encodeURIComponent(batchId)}`, {
    method: 'DELETE',
    query: { cascade },
  });
}
