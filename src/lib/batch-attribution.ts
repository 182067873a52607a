/**
 * Which instances a running modification batch works on. Camunda's REST API does not list a
 * batch's instances, so each batch is attributed from what can be known, and nothing is guessed:
 *
 * - batches this console created for many instances: the request it recorded (ids or query);
 * - batches of `POST /process-instance/{id}/modification-async`: Camunda writes one
 *   `ModifyProcessInstance` entry naming the instance when it creates the batch, but without the
 *   batch id (`ModifyProcessInstanceAsyncCmd.writeOperationLog`). The entry is matched to the batch by its creating user and
 *   its start time, and only when exactly one modification request was logged then;
 * - anything else is reported as a batch whose instances cannot be known.
 */
import type { BatchDto } from '../../contract/camunda/batch';
import type { UserOperationLogEntryDto } from '../../contract/camunda/history';
import type { BulkBatchRecord } from './bulk-batch-records';
import { parseCamundaDate } from './camunda-date';
import type { SelectedInstances } from './process-instance-query';

/**
 * How far apart a batch's start time and the log entry of the request that created it may be.
 * Camunda takes both in one command; a second leaves room for a slow transaction.
 */
export const BATCH_LOG_MATCH_WINDOW_MS = 1_000;

export type BatchAttribution =
  | { kind: 'instances'; batch: BatchDto; processInstanceIds: string[]; source: AttributionSource }
  | { kind: 'query'; batch: BatchDto; instances: SelectedInstances }
  | { kind: 'otherDefinition'; batch: BatchDto }
  | { kind: 'unknown'; batch: BatchDto; reason: string };

/** `recorded`: this console kept the request; `operationLog`: the entry named the instance. */
export type AttributionSource = 'recorded' | 'operationLog';

/** The `[after, before]` timestamps of log entries that may belong to this batch's creation. */
export function batchLogWindow(batch: BatchDto): { after: number; before: number } | null {
  const start = parseCamundaDate(batch.startTime);
  return start === null
    ? null
    : { after: start - BATCH_LOG_MATCH_WINDOW_MS, before: start + BATCH_LOG_MATCH_WINDOW_MS };
}

/**
 * What is known of one running `instance-modification` batch. `logEntries` are the
 * `ModifyProcessInstance` entries of its creating user around its start time. A batch of another
 * definition than `processDefinitionId` is only said to be one; with null, any definition counts.
 */
export function attributeBatch(
  batch: BatchDto,
  processDefinitionId: string | null,
  record: BulkBatchRecord | undefined,
  logEntries: readonly UserOperationLogEntryDto[],
): BatchAttribution {
  if (record !== undefined) {
    if (processDefinitionId !== null && record.processDefinitionId !== processDefinitionId) {
      return { kind: 'otherDefinition', batch };
    }
    return 'processInstanceIds' in record.instances
      ? {
          kind: 'instances',
          batch,
          processInstanceIds: record.instances.processInstanceIds,
          source: 'recorded',
        }
      : { kind: 'query', batch, instances: record.instances };
  }
  const operations = groupBy(
    logEntries.filter(
      (entry) =>
        entry.operationType === 'ModifyProcessInstance' &&
        (entry.processInstanceId !== null || entry.property === 'nrOfInstances') &&
        entry.userId === batch.createUserId,
    ),
    (entry) => entry.operationId,
  );
  if (operations.length !== 1) {
    return {
      kind: 'unknown',
      batch,
      reason:
        operations.length === 0
          ? 'it was not created here, and the operation log has no modification request of its creator at its start time'
          : 'it was not created here, and its creator sent several modification requests at its start time',
    };
  }
  const [entry] = operations[0] ?? [];
  if (entry === undefined) {
    return { kind: 'unknown', batch, reason: 'it was not created here' };
  }
  if (
    processDefinitionId !== null &&
    entry.processDefinitionId !== null &&
    entry.processDefinitionId !== processDefinitionId
  ) {
    return { kind: 'otherDefinition', batch };
  }
  if (entry.processInstanceId !== null && batch.totalJobs === 1) {
    return {
      kind: 'instances',
      batch,
      processInstanceIds: [entry.processInstanceId],
      source: 'operationLog',
    };
  }
  const count = entry.property === 'nrOfInstances' ? (entry.newValue ?? '?') : '?';
  return {
    kind: 'unknown',
    batch,
    reason: `it was created elsewhere for ${count} instances of this definition, and Camunda does not say which`,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  }
  return [...groups.values()];
}
