/**
 * The execution jobs of a `set-job-retries` batch, as Camunda's `SetJobRetriesJobHandler`: each
 * sets the retries of its jobs as `SetJobRetriesCmd` does.
 */
import { ProcessEngineException } from '../errors';
import type { Runtime } from '../runtime/runtime';
import type { SetJobRetriesBatchConfiguration } from '../runtime/state';
import type { BatchHost, BatchJobHandler } from './batch-job-handler';

/** Sets one job's retries; a retry above zero resolves its failedJob incident. */
export function setRetries(
  host: Pick<BatchHost, 'job'>,
  rt: Runtime,
  jobId: string,
  retries: number,
): void {
  const job = host.job(jobId);
  if (!job) {
    throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
  }
  const ctx = rt.ctx;
  if (job.processInstanceId === null) {
    const current = ctx.globalJobs().get(jobId);
    if (!current) {
      throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
    }
    ctx.globalJobs().set(jobId, { ...current, retries });
    if (retries > 0) {
      for (const incident of [...ctx.globalIncidents().values()]) {
        if (incident.configuration === jobId) {
          ctx.globalIncidents().delete(incident.id);
        }
      }
    }
    return;
  }
  const pi = ctx.instance(job.processInstanceId);
  const current = pi?.jobs[jobId];
  if (!pi || !current) {
    throw new ProcessEngineException(`ENGINE-13053 No job found with id '${jobId}'.'`);
  }
  current.retries = retries;
  if (retries > 0) {
    for (const incident of rt.tree.incidentsOfJob(pi, jobId)) {
      rt.tree.deleteIncident(pi, incident);
    }
  }
}

export const setJobRetriesJobHandler: BatchJobHandler<SetJobRetriesBatchConfiguration> = {
  type: 'set-job-retries',
  idKind: 'job',
  ids: (configuration) => configuration.jobIds,
  commandOptions: () => ({}),
  execute(host, rt, configuration, id) {
    setRetries(host, rt, id, configuration.retries);
  },
};
