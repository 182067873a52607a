/**
 * Finding the user operation log entries of the console's own modification after it was sent.
 * Camunda writes them in the modification's transaction (`ModifyProcessInstanceCmd`), or when the
 * batch is created (`ModifyProcessInstanceAsyncCmd`, `ProcessInstanceModificationBatchCmd` through
 * `BatchBuilder.build`): one `ModifyProcessInstance` entry for an instance, and for many instances
 * two entries of one operation (`nrOfInstances`, `async`; `AbstractModificationCmd`) with no
 * process instance id. None of them carries a batch id.
 */
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { parseCamundaDate, toCamundaDate } from '../../lib/camunda-date';

export const MODIFY_PROCESS_INSTANCE = 'ModifyProcessInstance';

/**
 * How long after a batch's `startTime` its creation entries are looked for. Camunda writes them
 * in the command that saves the batch, milliseconds later; the margin only absorbs slow commits.
 */
export const BATCH_LOG_WINDOW_MS = 10_000;

/** Whose entries: one instance's, or those of many instances of one definition. */
export type OperationLogScope = { processInstanceId: string } | { processDefinitionId: string };

/** What the log held for a scope before sending. */
export interface OperationLogBaseline {
  /** The newest entry's timestamp; null when the log held none for the scope. */
  newestTimestamp: string | null;
  /** The operations of the entries read (the newest ones). */
  operationIds: string[];
}

/** The entries of one operation (they share an operationId), oldest first. */
export interface LoggedOperation {
  operationId: string;
  entries: UserOperationLogEntryDto[];
}

/** The baseline from the newest entries of a scope, newest first. */
export function toBaseline(newestFirst: readonly UserOperationLogEntryDto[]): OperationLogBaseline {
  return {
    newestTimestamp: newestFirst[0]?.timestamp ?? null,
    operationIds: [...new Set(newestFirst.map((entry) => entry.operationId))],
  };
}

/**
 * Camunda's `afterTimestamp` is exclusive (`timestamp > #{afterTimestamp}`): one millisecond
 * earlier keeps entries of the same instant, which the baseline's operation ids then tell apart.
 */
export function afterTimestampOf(timestamp: string | null): string | undefined {
  const time = parseCamundaDate(timestamp);
  return time === null ? undefined : toCamundaDate(time - 1);
}

/** The operations in `entries` (oldest first) that belong to the scope and the baseline lacks. */
export function operationsSince(
  entries: readonly UserOperationLogEntryDto[],
  scope: OperationLogScope,
  baseline: OperationLogBaseline,
): LoggedOperation[] {
  const known = new Set(baseline.operationIds);
  const newest = parseCamundaDate(baseline.newestTimestamp);
  return groupOperations(
    entries.filter(
      (entry) =>
        isInScope(entry, scope) &&
        !known.has(entry.operationId) &&
        (newest === null || (parseCamundaDate(entry.timestamp) ?? newest) >= newest),
    ),
  );
}

/** The operations in `entries` (oldest first) of the scope, if one is given. */
export function groupOperations(
  entries: readonly UserOperationLogEntryDto[],
  scope?: OperationLogScope,
): LoggedOperation[] {
  const operations = new Map<string, UserOperationLogEntryDto[]>();
  for (const entry of entries) {
    if (scope === undefined || isInScope(entry, scope)) {
      operations.set(entry.operationId, [...(operations.get(entry.operationId) ?? []), entry]);
    }
  }
  return [...operations].map(([operationId, operationEntries]) => ({
    operationId,
    entries: operationEntries,
  }));
}

/** A property's new value as the operation logged it, e.g. `nrOfInstances`. */
export function loggedProperty(operation: LoggedOperation, property: string): string | null {
  return operation.entries.find((entry) => entry.property === property)?.newValue ?? null;
}

/**
 * A definition's entries also include single-instance modifications of its instances (Camunda
 * fills in the definition from the instance); those of many instances have no instance id.
 */
function isInScope(entry: UserOperationLogEntryDto, scope: OperationLogScope): boolean {
  return 'processInstanceId' in scope
    ? entry.processInstanceId === scope.processInstanceId
    : entry.processDefinitionId === scope.processDefinitionId && entry.processInstanceId === null;
}
