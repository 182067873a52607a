/**
 * Historic data, as Camunda's `HistoryService`: historic process, activity and variable instances,
 * details, incidents and batches, and the user operation log with its annotations.
 */
import { BadUserRequestException } from '../errors';
import { logEntry } from '../history/user-operation-log';
import type {
  HistoricActivityInstanceRec,
  HistoricBatchRec,
  HistoricIncidentRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  UserOperationLogRec,
} from '../runtime/state';
import type { CommandExecutor } from './command-executor';

export class HistoryService {
  constructor(private readonly executor: CommandExecutor) {}

  historicProcessInstances(): Iterable<HistoricProcessInstanceRec> {
    return this.executor.store.historicProcessInstances.values();
  }

  historicProcessInstance(id: string): HistoricProcessInstanceRec | undefined {
    return this.executor.store.historicProcessInstances.get(id);
  }

  historicActivityInstances(): Iterable<HistoricActivityInstanceRec> {
    return this.executor.store.historicActivityInstances.values();
  }

  historicVariableInstances(): Iterable<HistoricVariableInstanceRec> {
    return this.executor.store.historicVariableInstances.values();
  }

  historicDetails(): Iterable<HistoricVariableUpdateRec> {
    return this.executor.store.historicDetails;
  }

  historicIncidents(): Iterable<HistoricIncidentRec> {
    return this.executor.store.historicIncidents.values();
  }

  userOperationLog(): Iterable<UserOperationLogRec> {
    return this.executor.store.userOperationLog;
  }
  historicBatches(): Iterable<HistoricBatchRec> {
    return this.executor.store.historicBatches.values();
  }

  historicBatch(id: string): HistoricBatchRec | undefined {
    return this.executor.store.historicBatches.get(id);
  }

  deleteHistoricBatch(id: string, userId: string | null = null): void {
    this.executor.run({ userId }, (rt) => {
      const historic = rt.ctx.historicBatches().get(id);
      if (!historic) {
        throw new BadUserRequestException(
          `Historic batch for id '${id}' cannot be found: historicBatch is null`,
        );
      }
      rt.ctx.deleteHistoricIncidentsOfJobDefinitions([
        historic.seedJobDefinitionId,
        historic.monitorJobDefinitionId,
        historic.batchJobDefinitionId,
      ]);
      rt.ctx.historicBatches().delete(id);
      if (userId) {
        rt.ctx.log(
          logEntry(this.executor, {
            operationId: this.executor.newId(),
            userId,
            operationType: 'DeleteHistory',
            entityType: 'Batch',
            batchId: id,
          }),
        );
      }
    });
  }

  /**
   * Sets (or with null clears) the annotation of every entry of one operation, as Camunda's
   * `SetAnnotationForOperationLog` does.
   */
  setOperationAnnotation(
    operationId: string,
    annotation: string | null,
    userId: string | null = null,
  ): void {
    const entries = this.executor.store.userOperationLog.filter(
      (entry) => entry.operationId === operationId,
    );
    if (entries.length === 0) {
      throw new BadUserRequestException('operation is null');
    }
    for (const entry of entries) {
      entry.annotation = annotation;
    }
    if (userId) {
      const first = entries[0];
      this.executor.store.userOperationLog.push(
        logEntry(this.executor, {
          operationId: this.executor.newId(),
          userId,
          operationType: annotation === null ? 'ClearAnnotation' : 'SetAnnotation',
          entityType: 'OperationLog',
          property: 'operationId',
          newValue: operationId,
          processDefinitionId: first?.processDefinitionId ?? null,
          processDefinitionKey: first?.processDefinitionKey ?? null,
          processInstanceId: first?.processInstanceId ?? null,
        }),
      );
    }
  }
}
