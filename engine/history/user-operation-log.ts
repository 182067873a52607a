/** Entries of the user operation log, as Camunda's `UserOperationLogContextEntryBuilder` fills them. */
import type { UserOperationLogRec } from '../runtime/state';

/** A user operation log entry with Camunda's defaults (category Operator). */
export function logEntry(
  host: { newId(): string; clock(): number },
  fields: Partial<UserOperationLogRec> &
    Pick<UserOperationLogRec, 'operationId' | 'userId' | 'operationType' | 'entityType'>,
): UserOperationLogRec {
  return {
    id: host.newId(),
    timestamp: host.clock(),
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
    deploymentId: null,
    processDefinitionId: null,
    processDefinitionKey: null,
    processInstanceId: null,
    executionId: null,
    taskId: null,
    jobId: null,
    jobDefinitionId: null,
    batchId: null,
    rootProcessInstanceId: null,
    ...fields,
  };
}
