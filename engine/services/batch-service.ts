/**
 * Runtime batches, as the batch part of Camunda's `ManagementService`: lookup, statistics,
 * suspension and deletion, each suspension and deletion with its user operation log entry.
 */
import { BadUserRequestException } from '../errors';
import {
  batchStatistics,
  removeBatch,
  setBatchSuspended,
  type BatchStatistics,
} from '../batch/batch-runner';
import { logEntry } from '../history/user-operation-log';
import type { BatchRec } from '../runtime/state';
import type { CommandExecutor } from './command-executor';

export class BatchService {
  constructor(private readonly executor: CommandExecutor) {}

  batches(): Iterable<BatchRec> {
    return this.executor.store.batches.values();
  }

  batch(id: string): BatchRec | undefined {
    return this.executor.store.batches.get(id);
  }

  batchStatistics(batch: BatchRec): BatchStatistics {
    return batchStatistics(batch, this.executor.store.globalJobs.values());
  }

  setBatchSuspended(id: string, suspended: boolean, userId: string | null = null): void {
    this.executor.run({ userId }, (rt) => {
      const batch = rt.ctx.batches().get(id);
      if (!batch) {
        throw new BadUserRequestException(`Batch for id '${id}' cannot be found: batch is null`);
      }
      setBatchSuspended(rt.ctx, batch, suspended);
      if (userId) {
        rt.ctx.log(
          logEntry(this.executor, {
            operationId: this.executor.newId(),
            userId,
            operationType: suspended ? 'SuspendBatch' : 'ActivateBatch',
            entityType: 'Batch',
            property: 'suspensionState',
            newValue: suspended ? 'suspended' : 'active',
            batchId: id,
          }),
        );
      }
    });
  }

  deleteBatch(id: string, cascade: boolean, userId: string | null = null): void {
    this.executor.run({ userId }, (rt) => {
      const batch = rt.ctx.batches().get(id);
      if (!batch) {
        throw new BadUserRequestException(`Batch for id '${id}' cannot be found: batch is null`);
      }
      removeBatch(this.executor, rt.ctx, batch, cascade);
      if (userId) {
        rt.ctx.log(
          logEntry(this.executor, {
            operationId: this.executor.newId(),
            userId,
            operationType: 'Delete',
            entityType: 'Batch',
            property: 'cascadeDelete',
            newValue: String(cascade),
            batchId: id,
          }),
        );
      }
    });
  }
}
