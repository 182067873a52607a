/**
 * `POST /job/retries`, as Camunda's `ManagementService.setJobRetriesAsync` (`SetJobsRetriesBatchCmd`):
 * a `set-job-retries` batch over the given jobs.
 */
import { BadUserRequestException } from '../errors';
import { logEntry } from '../history/user-operation-log';
import type { BatchRec } from '../runtime/state';
import type { BatchHost } from './batch-job-handler';
import { createBatch } from './batch-runner';
import { setJobRetriesJobHandler } from './set-job-retries-job-handler';

/** Refuses an empty job list or negative retries before the batch is built, as `SetJobsRetriesBatchCmd`. */
export function setJobRetriesAsync(
  host: BatchHost,
  jobIds: string[],
  retries: number,
  userId: string | null,
  checkCreateBatch?: () => void,
): BatchRec {
  if (jobIds.length === 0) {
    throw new BadUserRequestException('job ids cannot be empty: jobIds is empty');
  }
  if (retries < 0) {
    throw new BadUserRequestException(
      `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
    );
  }
  checkCreateBatch?.();
  return host.run({ userId }, (rt) => {
    const batch = createBatch(
      host,
      rt.ctx,
      setJobRetriesJobHandler,
      { deploymentId: null, tenantId: null },
      { kind: 'set-job-retries', jobIds, retries },
      userId,
    );
    if (userId) {
      rt.ctx.log(
        logEntry(host, {
          operationId: host.newId(),
          userId,
          operationType: 'SetJobRetries',
          entityType: 'Job',
          property: 'retries',
          newValue: String(retries),
          batchId: batch.id,
        }),
      );
    }
    return batch;
  });
}
