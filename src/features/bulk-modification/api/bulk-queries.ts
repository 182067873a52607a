import { queryOptions } from '@tanstack/react-query';

import type { BatchDto } from '../../../../contract/camunda/batch';
import type { CountResultDto } from '../../../../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../../../../contract/camunda/history';
import { engineRequest } from '../../../api/engine-client';
import { attributeBatch, batchLogWindow } from '../../../lib/batch-attribution';
import type { BatchAttribution } from '../../../lib/batch-attribution';
import { loadBatchRecords, pruneBatchRecords } from '../../../lib/bulk-batch-records';
import { toCamundaDate } from '../../../lib/camunda-date';
import type { SelectedInstances } from '../../../lib/process-instance-query';
import { intersectInstances } from '../model/bulk-overlap';
import { toCountRequest } from '../model/bulk-selection';
import type { CountRequest } from '../model/bulk-selection';
import { PINNED_SELECTION_LIMIT } from '../model/reviewed-selection';
import type { ReviewedSelection } from '../model/reviewed-selection';

/** A running modification batch that already holds some of the selected instances. */
export interface BatchOverlap {
  batch: BatchDto;
  /** How many of the selected instances it holds. */
  count: number;
  /** Which ones, when that is known (ids recorded here or named by the operation log). */
  processInstanceIds: string[] | null;
}

/** A running modification batch whose instances cannot be known; `reason` completes "because …". */
export interface UnknownBatch {
  batch: BatchDto;
  reason: string;
}

export interface OverlapReport {
  /** Running `instance-modification` batches, of any definition. */
  runningBatchCount: number;
  overlaps: BatchOverlap[];
  unknown: UnknownBatch[];
}

/** Query keys of the many-instances modification; the count and overlap hold their request objects. */
export const bulkModificationKeys = {
  all: ['bulk-modification'] as const,
  count: (request: CountRequest) => [...bulkModificationKeys.all, 'count', request] as const,
  overlap: (processDefinitionId: string, instances: SelectedInstances) =>
    [...bulkModificationKeys.all, 'overlap', processDefinitionId, instances] as const,
  review: (instances: SelectedInstances, openedAt: number) =>
    [...bulkModificationKeys.all, 'review', instances, { openedAt }] as const,
};

export const bulkModificationQueries = {
  /**
   * How many instances the request will touch: the number of ids, or `POST …/count` with the
   * very query object the request carries.
   */
  count: (request: CountRequest) =>
    queryOptions({
      queryKey: bulkModificationKeys.count(request),
      queryFn: ({ signal }) => countInstances(request, signal),
    }),

  /**
   * The instances one review is about, read once when it opens (`openedAt` tells openings apart)
   * and never refreshed while it is open: what the operator reviews is what is sent.
   */
  review: (instances: SelectedInstances, openedAt: number) =>
    queryOptions({
      queryKey: bulkModificationKeys.review(instances, openedAt),
      queryFn: ({ signal }) => readReviewedSelection(instances, signal),
      staleTime: Infinity,
      gcTime: 0,
      refetchOnWindowFocus: false,
    }),

  /** Running modification batches that may already work on these instances. */
  overlap: (processDefinitionId: string, instances: SelectedInstances) =>
    queryOptions({
      queryKey: bulkModificationKeys.overlap(processDefinitionId, instances),
      queryFn: ({ signal }) => findOverlaps(processDefinitionId, instances, signal),
    }),
};

async function countInstances(request: CountRequest, signal: AbortSignal): Promise<number> {
  if (request.kind === 'known') {
    return request.count;
  }
  const path =
    request.kind === 'runtime' ? '/process-instance/count' : '/history/process-instance/count';
  const { count } = await engineRequest<CountResultDto>(path, {
    method: 'POST',
    body: request.body,
    signal,
  });
  return count;
}

/**
 * The ticked ids; or the ids the query matches now, when there are at most
 * `PINNED_SELECTION_LIMIT`; or, beyond that, the query with the number it matched. The ids are
 * read in one request (one consistent answer, where pages could shift under new instances) and
 * only after the count says they fit.
 */
async function readReviewedSelection(
  instances: SelectedInstances,
  signal: AbortSignal,
): Promise<ReviewedSelection> {
  if ('processInstanceIds' in instances) {
    return { kind: 'ticked', processInstanceIds: instances.processInstanceIds };
  }
  const count = await countInstances(toCountRequest(instances), signal);
  if (count <= PINNED_SELECTION_LIMIT) {
    const ids = await listInstanceIds(instances, PINNED_SELECTION_LIMIT + 1, signal);
    if (ids.length <= PINNED_SELECTION_LIMIT) {
      return { kind: 'pinned', processInstanceIds: ids, query: instances };
    }
  }
  // More than a review lists, perhaps only since the count: the number said is one read now.
  const countAtReview =
    count > PINNED_SELECTION_LIMIT
      ? count
      : await countInstances(toCountRequest(instances), signal);
  return { kind: 'query', instances, countAtReview };
}

/** The ids among `instances`, at most `maxResults` (`POST /process-instance` or its history twin). */
async function listInstanceIds(
  instances: SelectedInstances,
  maxResults: number,
  signal: AbortSignal,
): Promise<string[]> {
  if ('processInstanceIds' in instances) {
    return instances.processInstanceIds;
  }
  const [path, body] =
    'processInstanceQuery' in instances
      ? ['/process-instance', instances.processInstanceQuery]
      : ['/history/process-instance', instances.historicProcessInstanceQuery];
  const found = await engineRequest<{ id: string }[]>(path, {
    method: 'POST',
    query: { maxResults },
    body,
    signal,
  });
  return found.map(({ id }) => id);
}

async function findOverlaps(
  processDefinitionId: string,
  instances: SelectedInstances,
  signal: AbortSignal,
): Promise<OverlapReport> {
  const running = await engineRequest<BatchDto[]>('/batch', {
    query: { type: 'instance-modification' },
    signal,
  });
  // Records of finished batches are never needed again; this is where finishing becomes known.
  pruneBatchRecords(new Set(running.map(({ id }) => id)));
  const records = new Map(loadBatchRecords().map((record) => [record.batchId, record]));
  const attributions = await Promise.all(
    running.map(async (batch) => {
      const record = records.get(batch.id);
      const entries = record === undefined ? await creationLogEntries(batch, signal) : [];
      return attributeBatch(batch, processDefinitionId, record, entries);
    }),
  );

  const overlaps: BatchOverlap[] = [];
  const unknown: UnknownBatch[] = [];
  const byInstance = attributions.filter(
    (attribution): attribution is Extract<BatchAttribution, { kind: 'instances' }> =>
      attribution.kind === 'instances',
  );
  const knownIds = [...new Set(byInstance.flatMap(({ processInstanceIds }) => processInstanceIds))];
  if (knownIds.length > 0) {
    const shared = intersectInstances(instances, { processInstanceIds: knownIds });
    const selected = new Set(
      shared === null ? [] : await listInstanceIds(shared, knownIds.length, signal),
    );
    for (const { batch, processInstanceIds } of byInstance) {
      const ids = processInstanceIds.filter((id) => selected.has(id));
      if (ids.length > 0) {
        overlaps.push({ batch, count: ids.length, processInstanceIds: ids });
      }
    }
  }
  for (const attribution of attributions) {
    if (attribution.kind === 'unknown') {
      unknown.push({ batch: attribution.batch, reason: attribution.reason });
    } else if (attribution.kind === 'query') {
      const shared = intersectInstances(instances, attribution.instances);
      if (shared === null) {
        unknown.push({
          batch: attribution.batch,
          reason:
            'it was created here with a query that cannot be combined with this selection into one query',
        });
        continue;
      }
      const count = await countInstances(toCountRequest(shared), signal);
      if (count > 0) {
        overlaps.push({ batch: attribution.batch, count, processInstanceIds: null });
      }
    }
  }
  return { runningBatchCount: running.length, overlaps, unknown };
}

/** The `ModifyProcessInstance` log entries its creator wrote around the batch's start time. */
async function creationLogEntries(
  batch: BatchDto,
  signal: AbortSignal,
): Promise<UserOperationLogEntryDto[]> {
  const window = batchLogWindow(batch);
  if (window === null || batch.createUserId === null) {
    return [];
  }
  return engineRequest<UserOperationLogEntryDto[]>('/history/user-operation', {
    query: {
      operationType: 'ModifyProcessInstance',
      entityType: 'ProcessInstance',
      userId: batch.createUserId,
      afterTimestamp: toCamundaDate(window.after),
      beforeTimestamp: toCamundaDate(window.before),
    },
    signal,
  });
}
