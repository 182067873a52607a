import { requirements } from '../../api/permissions';
import { refusalReason, usePermission } from '../../lib/use-permission';

/** Why the signed-in user may not suspend, resume or delete a batch; null where they may. */
export interface BatchRefusals {
  update: string | null;
  delete: string | null;
}

export function useBatchPermissions(batchId: string, suspended: boolean): BatchRefusals {
  return {
    update: refusalReason(
      usePermission(requirements.updateBatch(batchId)),
      suspended ? 'resume this batch' : 'suspend this batch',
    ),
    delete: refusalReason(usePermission(requirements.deleteBatch(batchId)), 'delete this batch'),
  };
}

/** The id of the paragraph that gives a batch's refusals, for `aria-describedby`. */
export function batchRefusalsId(batchId: string): string {
  return `batch-refusals-${batchId}`;
}
