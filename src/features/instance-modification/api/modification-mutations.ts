import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { BatchDto } from '../../../../contract/camunda/batch';
import type { ProcessInstanceModificationDto } from '../../../../contract/camunda/modification';
import { engineRequest } from '../../../api/engine-client';
import {
  batchStateKeys,
  invalidateResources,
  operationLogKeys,
  processInstanceKeys,
} from '../../../api/query-keys';

/**
 * `POST /process-instance/{id}/modification` (Camunda's `ModifyProcessInstanceCmd`): all instructions in one
 * transaction, 204. Every query of the instance is refreshed afterwards.
 */
export function useApplyModification(processInstanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessInstanceModificationDto) =>
      applyModification(processInstanceId, body),
    onSuccess: () =>
      invalidateResources(queryClient, [processInstanceKeys.all, operationLogKeys.all]),
  });
}

/**
 * `POST /process-instance/{id}/modification-async` (Camunda's `ModifyProcessInstanceAsyncCmd`): a batch that applies the
 * plan later; instruction variables are dropped by Camunda.
 */
export function useApplyModificationAsync(processInstanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessInstanceModificationDto) =>
      applyModificationAsync(processInstanceId, body),
    onSuccess: () =>
      invalidateResources(queryClient, [
        processInstanceKeys.all,
        // The batch dashboard lists the new batch.
        ...batchStateKeys,
        operationLogKeys.all,
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
