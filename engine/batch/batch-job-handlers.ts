/**
 * The batch job handler of each batch type, as Camunda's `ProcessEngineConfigurationImpl`
 * registers them (`getBatchHandlers`): the engine's batches are modifications and job retries.
 */
import type { BatchConfiguration } from '../runtime/state';
import type { BatchJobHandler } from './batch-job-handler';
import { modificationBatchJobHandler } from './modification-batch-job-handler';
import { setJobRetriesJobHandler } from './set-job-retries-job-handler';

const BATCH_JOB_HANDLERS: {
  [K in BatchConfiguration['kind']]: BatchJobHandler<Extract<BatchConfiguration, { kind: K }>>;
} = {
  'instance-modification': modificationBatchJobHandler,
  'set-job-retries': setJobRetriesJobHandler,
};

/** The handler of the batch type a batch's configuration is for. */
export function batchJobHandler(configuration: BatchConfiguration): BatchJobHandler {
  return BATCH_JOB_HANDLERS[configuration.kind];
}
