import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { parseCamundaDate } from '../../lib/camunda-date';

/** One changed property of a logged operation (`property: orgValue → newValue`). */
export interface OperationProperty {
  entryId: string;
  entityType: string;
  property: string;
  orgValue: string | null;
  newValue: string | null;
}

/**
 * One user operation: all log entries that share an `operationId`
 * (docs/camunda-semantics.md#history-and-the-user-operation-log). Camunda writes
 * several entries for one call (e.g. `/modification/execute` logs `nrOfInstances` and `async`),
 * and sets or clears the annotation on all of them at once.
 */
export interface LoggedOperation {
  operationId: string;
  operationType: string;
  /** Distinct entity types of the entries, in the order first seen. */
  entityTypes: string[];
  userId: string;
  /** The earliest entry's timestamp, in Camunda's date format. */
  timestamp: string;
  annotation: string | null;
  /** Set only when every entry names the same instance. */
  processInstanceId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  batchId: string | null;
  properties: OperationProperty[];
  entries: UserOperationLogEntryDto[];
}

/**
 * Groups log entries by `operationId`, keeping the order in which operations first appear (the
 * log is fetched newest first). Entries of one operation may arrive on different pages; grouping
 * all loaded entries together merges them.
 */
export function groupOperations(entries: readonly UserOperationLogEntryDto[]): LoggedOperation[] {
  const operations = new Map<string, LoggedOperation>();
  for (const entry of entries) {
    // Camunda always sets operationId; an entry without one is still shown, on its own.
    const operationId = entry.operationId === '' ? entry.id : entry.operationId;
    let operation = operations.get(operationId);
    if (operation === undefined) {
      operation = {
        operationId,
        operationType: entry.operationType,
        entityTypes: [],
        userId: entry.userId,
        timestamp: entry.timestamp,
        annotation: entry.annotation,
        processInstanceId: entry.processInstanceId,
        processDefinitionId: entry.processDefinitionId,
        processDefinitionKey: entry.processDefinitionKey,
        batchId: entry.batchId,
        properties: [],
        entries: [],
      };
      operations.set(operationId, operation);
    } else {
      mergeEntry(operation, entry);
    }
    operation.entries.push(entry);
    if (!operation.entityTypes.includes(entry.entityType)) {
      operation.entityTypes.push(entry.entityType);
    }
    if (entry.property !== null) {
      operation.properties.push({
        entryId: entry.id,
        entityType: entry.entityType,
        property: entry.property,
        orgValue: entry.orgValue,
        newValue: entry.newValue,
      });
    }
  }
  return [...operations.values()];
}

function mergeEntry(operation: LoggedOperation, entry: UserOperationLogEntryDto): void {
  if ((parseCamundaDate(entry.timestamp) ?? 0) < (parseCamundaDate(operation.timestamp) ?? 0)) {
    operation.timestamp = entry.timestamp;
  }
  operation.annotation ??= entry.annotation;
  operation.processInstanceId = sameOrNull(operation.processInstanceId, entry.processInstanceId);
  operation.processDefinitionId = sameOrNull(
    operation.processDefinitionId,
    entry.processDefinitionId,
  );
  operation.processDefinitionKey = sameOrNull(
    operation.processDefinitionKey,
    entry.processDefinitionKey,
  );
  operation.batchId ??= entry.batchId;
}

function sameOrNull(current: string | null, next: string | null): string | null {
  return current === next ? current : null;
}
