import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { BatchDto } from '../../../../contract/camunda/batch';
import type { ProcessInstanceModificationDto } from '../../../../contract/camunda/modification';
import { engineRequest } from '../../../api/engine-client';
import { modificationBatchKeys } from '../../../modification/api/batch-queries';
import { modificationKeys } from '../../../modification/api/instance-queries';

/**
 * The operation log feature's key prefix: each modification, and each batch when it is created,
 * writes a `ModifyProcessInstance` entry (contract §2.2, §2.3) that the instance page lists.
 */
const OPERATION_LOG_KEYS = ['operation-log'] as const;

/**
 * `POST /process-instance/{id}/modification` (contract §2.2): all instructions in one
 * transaction, 204. Every query of the instance is refreshed afterwards.
 */
export function useApplyModification(processInstanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessInstanceModificationDto) =>
      applyModification(processInstanceId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: modificationKeys.all }),
        queryClient.invalidateQueries({ queryKey: OPERATION_LOG_KEYS }),
      ]),
  });
}

/**
 * `POST /process-instance/{id}/modification-async` (contract §2.3): a batch that applies the
 * plan later; instruction variables are dropped by Camunda.
 */
export function useApplyModificationAsync(processInstanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessInstanceModificationDto) =>
      applyModificationAsync(processInstanceId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: modificationKeys.all }),
        // The batch dashboard lists the new batch.
        queryClient.invalidateQueries({ queryKey: modificationBatchKeys.all }),
        queryClient.invalidateQueries({ queryKey: OPERATION_LOG_KEYS }),
      ]),
  });
}

function applyModification(
  processInstanceId: string,
  body: ProcessInstanceModificationDto,
): Promise<void> {
  return engineRequest(`/process-instance/${encodeURIComponent(processInstanceId)}/modification`, {
    method: 'POST',
    body,
  });
}

function applyModificationAsync(
  processInstanceId: string,
  body: ProcessInstanceModificationDto,
): Promise<BatchDto> {
  return engineRequest(
    `/process-instance/${encodeURIComponent(processInstanceId)}/modification-async`,
    { method: 'POST', body },
  );
}
