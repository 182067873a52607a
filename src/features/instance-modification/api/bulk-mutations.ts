import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod';

import type { BatchDto, ModificationDto } from '../../../api/camunda-dto';
import { engineRequest } from '../../../api/engine-client';
import { parseIsoDateTime } from '../model/plan-variables';
import { modificationBatchKeys } from './batch-queries';
import { bulkModificationKeys } from './bulk-queries';
import { modificationKeys } from './instance-queries';

/**
 * `POST /modification/execute` (contract §2.4): every selected instance in one transaction, 204;
 * one failing instance fails them all. Instance data, counts and overlaps are refreshed after.
 */
export function useExecuteModification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModificationDto) => executeModification(body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: modificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: bulkModificationKeys.all }),
      ]),
  });
}

/**
 * `POST /modification/executeAsync` (contract §2.5): a batch, one job per instance by default;
 * instances are only examined when their job runs.
 */
export function useExecuteModificationAsync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModificationDto) => executeModificationAsync(body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bulkModificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: modificationBatchKeys.all }),
      ]),
  });
}

function executeModification(body: ModificationDto): Promise<void> {
  return engineRequest('/modification/execute', { method: 'POST', body });
}

function executeModificationAsync(body: ModificationDto): Promise<BatchDto> {
  return engineRequest('/modification/executeAsync', { method: 'POST', body });
}

/** How the operator chooses instances: ticked rows, or the list's filters as one query. */
export const bulkSelectionFormSchema = z.object({
  mode: z.enum(['ids', 'query']),
  source: z.enum(['runtime', 'history']),
  startedAfter: z.string().refine(isEmptyOrDateTime, 'Enter a date and time.'),
  startedBefore: z.string().refine(isEmptyOrDateTime, 'Enter a date and time.'),
});

export type BulkSelectionFormValues = z.infer<typeof bulkSelectionFormSchema>;

function isEmptyOrDateTime(text: string): boolean {
  return text.trim() === '' || parseIsoDateTime(text) !== null;
}
