/**
 * Which process instances a modification batch works on, for naming the instances of its failed
 * jobs. Camunda's REST API lists neither a batch's instances nor a batch job's, so this reads what
 * can be known: the request this console recorded when it created the batch, the operation log
 * entry of a single-instance batch, and the history of the instances since the batch began.
 */
import { queryOptions } from '@tanstack/react-query';

import type { BatchDto } from '../../../contract/camunda/batch';
import type { CountResultDto } from '../../../contract/camunda/common';
import type {
  HistoricActivityInstanceDto,
  UserOperationLogEntryDto,
} from '../../../contract/camunda/history';
import { engineRequest } from '../../api/engine-client';
import { attributeBatch, batchLogWindow } from '../../lib/batch-attribution';
import type { BatchAttribution } from '../../lib/batch-attribution';
import { loadBatchRecords } from '../../lib/bulk-batch-records';
import { toCamundaDate } from '../../lib/camunda-date';
import type { SelectedInstances } from '../../lib/process-instance-query';
import { batchKeys } from '../../api/query-keys';
import { unchangedInstances } from './failed-job-process-instance';

/** The most instances checked one by one: a recorded query's current matches beyond are not. */
export const CHECKED_INSTANCES_LIMIT = 500;
/**
 * The most historic activity instances read per direction (started, ended) since the batch
 * began; a definition busier than that cannot be told apart this way.
 */
export const CHANGED_ACTIVITIES_LIMIT = 2_000;

/** The instances of the batch that still look as they did, or why that cannot be told. */
export type UnchangedInstancesResult =
  | {
      kind: 'found';
      processInstanceIds: string[];
      /** How many of the batch's instances were checked (the recorded ids, or the query's matches). */
      checked: number;
      /** Whether the instances checked are the query's matches now rather than recorded ids. */
      fromQuery: boolean;
    }
  | { kind: 'cannotTell'; reason: string };

export const batchInstanceKeys = {
  attribution: (batchId: string) => [...batchKeys.detail(batchId), 'instances'] as const,
  unchanged: (attribution: BatchAttribution, namedIds: readonly string[]) =>
    [
      ...batchKeys.detail(attribution.batch.id),
      'unchanged-instances',
      { attribution, namedIds },
    ] as const,
};

export const batchInstanceQueries = {
  /** What is known of the batch's instances; it does not change while the batch exists. */
  attribution: (batch: BatchDto) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the batch is polled, so each poll makes a new object; what this reads of it (creator, start time, jobs) never changes
    queryOptions({
      queryKey: batchInstanceKeys.attribution(batch.id),
      queryFn: ({ signal }) => attributeRunningBatch(batch, signal),
      staleTime: Infinity,
    }),

  /**
   * The batch's instances still as they were when it was created, without those a failure
   * already names; read once per set of failures, not polled.
   */
  unchanged: (attribution: BatchAttribution, namedIds: readonly string[]) =>
    queryOptions({
      queryKey: batchInstanceKeys.unchanged(attribution, namedIds),
      queryFn: ({ signal }) => findUnchangedInstances(attribution, namedIds, signal),
      staleTime: Infinity,
    }),
};

async function attributeRunningBatch(
  batch: BatchDto,
  signal: AbortSignal,
): Promise<BatchAttribution> {
  const record = loadBatchRecords().find(({ batchId }) => batchId === batch.id);
  const window = batchLogWindow(batch);
  const entries =
    record !== undefined || window === null || batch.createUserId === null
      ? []
      : await engineRequest<UserOperationLogEntryDto[]>('/history/user-operation', {
          query: {
            operationType: 'ModifyProcessInstance',
            entityType: 'ProcessInstance',
            userId: batch.createUserId,
            afterTimestamp: toCamundaDate(window.after),
            beforeTimestamp: toCamundaDate(window.before),
          },
          signal,
        });
  return attributeBatch(batch, null, record, entries);
}

async function findUnchangedInstances(
  attribution: BatchAttribution,
  namedIds: readonly string[],
  signal: AbortSignal,
): Promise<UnchangedInstancesResult> {
  const { batch } = attribution;
  const since = batch.startTime;
  if (since === null) {
    return { kind: 'cannotTell', reason: 'the batch has no start time to compare with' };
  }
  // Only a batch this console created has a known definition and set of instances.
  const record = loadBatchRecords().find(({ batchId }) => batchId === batch.id);
  const candidates =
    record === undefined
      ? null
      : attribution.kind === 'instances'
        ? { ids: attribution.processInstanceIds, fromQuery: false }
        : attribution.kind === 'query'
          ? { ids: await idsMatching(attribution.instances, signal), fromQuery: true }
          : null;
  if (record === undefined || candidates === null) {
    return {
      kind: 'cannotTell',
      reason: `its instances are not known: ${attribution.kind === 'unknown' ? attribution.reason : 'it was not created here'}`,
    };
  }
  if (candidates.ids.length > CHECKED_INSTANCES_LIMIT) {
    return {
      kind: 'cannotTell',
      reason: `it holds more than the ${String(CHECKED_INSTANCES_LIMIT)} instances checked here`,
    };
  }
  const running = await runningIds(candidates.ids, signal);
  if (running.length > 0 && !(await historyKept(running, signal))) {
    return {
      kind: 'cannotTell',
      reason: 'the engine keeps no history of these instances (history level none)',
    };
  }
  const [started, ended] = await Promise.all([
    activitySince(record.processDefinitionId, { startedAfter: since }, signal),
    activitySince(record.processDefinitionId, { finishedAfter: since }, signal),
  ]);
  if (started.length >= CHANGED_ACTIVITIES_LIMIT || ended.length >= CHANGED_ACTIVITIES_LIMIT) {
    return {
      kind: 'cannotTell',
      reason: 'more happened in this definition since the batch was created than is read here',
    };
  }
  return {
    kind: 'found',
    processInstanceIds: unchangedInstances(running, [...started, ...ended], new Set(namedIds)),
    checked: candidates.ids.length,
    fromQuery: candidates.fromQuery,
  };
}

/** A recorded query's matches now (it may match others than it did when the batch was created). */
async function idsMatching(instances: SelectedInstances, signal: AbortSignal): Promise<string[]> {
  if ('processInstanceIds' in instances) {
    return instances.processInstanceIds;
  }
  const [path, body] =
    'processInstanceQuery' in instances
      ? ['/process-instance', instances.processInstanceQuery]
      : ['/history/process-instance', instances.historicProcessInstanceQuery];
  const found = await engineRequest<{ id: string }[]>(path, {
    method: 'POST',
    query: { firstResult: 0, maxResults: CHECKED_INSTANCES_LIMIT + 1 },
    body,
    signal,
  });
  return found.map(({ id }) => id);
}

async function runningIds(ids: readonly string[], signal: AbortSignal): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const found = await engineRequest<{ id: string }[]>('/process-instance', {
    method: 'POST',
    query: { firstResult: 0, maxResults: ids.length },
    body: { processInstanceIds: ids },
    signal,
  });
  return found.map(({ id }) => id);
}

/**
 * Whether the engine keeps history for these running instances: below history level `activity`
 * it keeps no historic process instance, and no activity would then look like no change.
 */
async function historyKept(running: readonly string[], signal: AbortSignal): Promise<boolean> {
  const { count } = await engineRequest<CountResultDto>('/history/process-instance/count', {
    method: 'POST',
    body: { processInstanceIds: running },
    signal,
  });
  return count === running.length;
}

function activitySince(
  processDefinitionId: string,
  since: { startedAfter: string } | { finishedAfter: string },
  signal: AbortSignal,
): Promise<HistoricActivityInstanceDto[]> {
  return engineRequest('/history/activity-instance', {
    query: {
      processDefinitionId,
      ...since,
      firstResult: 0,
      maxResults: CHANGED_ACTIVITIES_LIMIT,
    },
    signal,
  });
}
