import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';

import type { BatchDto } from '../../../../contract/camunda/batch';
import type { UserOperationLogEntryDto } from '../../../../contract/camunda/history';
import type { ModificationDto } from '../../../../contract/camunda/modification';
import { getSignedInUserId } from '../../../api/console-session';
import { engineRequest } from '../../../api/engine-client';
import { parseIsoDateTime } from '../../../modification/model/plan-variables';
import { exactCount, modifiedCountFromLog } from '../model/reviewed-selection';
import type { ModifiedCount, ReviewedSelection } from '../model/reviewed-selection';
import { bulkModificationKeys } from './bulk-queries';
import { batchStateKeys, invalidateResources, processInstanceKeys } from '../../../api/query-keys';

/** A reviewed request: the body, and the selection it was built from. */
export interface ExecuteRequest {
  body: ModificationDto;
  selection: ReviewedSelection;
}

/**
 * `POST /modification/execute`: every selected instance in one transaction, 204; one failing
 * instance fails them all. It answers no count, so the mutation resolves to the number changed as
 * far as it can be read (see `executeAndCount`). Instance data, counts and overlaps are refreshed
 * after.
 */
export function useExecuteModification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ExecuteRequest) => executeAndCount(request),
    onSuccess: () =>
      invalidateResources(queryClient, [processInstanceKeys.all, bulkModificationKeys.all]),
  });
}

/**
 * `POST /modification/executeAsync`: a batch, one job per instance by default; instances are only
 * examined when their job runs. The batch's `totalJobs` is the engine's own figure.
 */
export function useExecuteModificationAsync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModificationDto) => executeModificationAsync(body),
    onSuccess: () =>
      invalidateResources(queryClient, [bulkModificationKeys.all, ...batchStateKeys]),
  });
}

function executeModification(body: ModificationDto): Promise<void> {
  return engineRequest('/modification/execute', { method: 'POST', body });
}

/** How many `nrOfInstances` entries are compared before and after: more new ones are "several". */
const LOG_ENTRIES_COMPARED = 20;

/**
 * Sends the modification and says how many instances it changed. Sent by id, that is the number
 * of ids: the engine changes all of them or fails. Sent as a query, the engine chose the instances
 * itself, and the only figure it gives is the `nrOfInstances` entry it writes with the operation
 * (`ProcessInstanceModificationCmd` → `writeUserOperationLog`, with the size of the ids it
 * collected): the user's entries for this definition are read before and after, and the one new
 * entry is this operation's.
 */
async function executeAndCount({ body, selection }: ExecuteRequest): Promise<ModifiedCount> {
  const count = exactCount(selection);
  if (count !== null) {
    await executeModification(body);
    return { kind: 'exact', count, source: 'ids' };
  }
  const userId = getSignedInUserId();
  if (userId === null) {
    await executeModification(body);
    return {
      kind: 'unknown',
      reason:
        'this session sends no credentials, and Camunda logs an operation, with its count, only for an authenticated user',
    };
  }
  const readLog = () => readInstanceCountEntries(body.processDefinitionId ?? '', userId);
  const before = await readLog().catch(() => null);
  await executeModification(body);
  const after = before === null ? null : await readLog().catch(() => null);
  return before === null || after === null
    ? { kind: 'unknown', reason: 'the operation log could not be read' }
    : modifiedCountFromLog(before, after);
}

function readInstanceCountEntries(
  processDefinitionId: string,
  userId: string,
): Promise<UserOperationLogEntryDto[]> {
  return engineRequest('/history/user-operation', {
    query: {
      operationType: 'ModifyProcessInstance',
      property: 'nrOfInstances',
      processDefinitionId,
      userId,
      sortBy: 'timestamp',
      sortOrder: 'desc',
      maxResults: LOG_ENTRIES_COMPARED,
    },
  });
}

function executeModificationAsync(body: ModificationDto): Promise<BatchDto> {
  return engineRequest('/modification/executeAsync', { method: 'POST', body });
}

/** How the operator chooses instances: ticked rows, or the list's filters as one query. */
export const bulkSelectionFormSchema = z.object({
  mode: z.enum(['ids', 'query']),
  source: z.enum(['runtime', 'history']),
  startedAfter: z.string().check(z.refine(isEmptyOrDateTime, 'Enter a date and time.')),
  startedBefore: z.string().check(z.refine(isEmptyOrDateTime, 'Enter a date and time.')),
});

export type BulkSelectionFormValues = z.infer<typeof bulkSelectionFormSchema>;

function isEmptyOrDateTime(text: string): boolean {
  return text.trim() === '' || parseIsoDateTime(text) !== null;
}
