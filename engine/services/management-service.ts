/**
 * Jobs and job definitions, as Camunda's `ManagementService`: executing a job (with
 * `FailedJobListener`'s retry and incident handling), job acquisition and retries.
 */
import { BadUserRequestException, NotFoundException, ProcessEngineException } from '../errors';
import { batchJobHandler } from '../batch/batch-job-handlers';
import { isExecutionJob, runBatchJob } from '../batch/batch-runner';
import { setJobRetriesAsync } from '../batch/set-job-retries-batch';
import { setRetries } from '../batch/set-job-retries-job-handler';
import type { Runtime } from '../runtime/runtime';
import type { BatchRec, JobDefinitionRec, JobRec } from '../runtime/state';
import { nextCycle } from '../runtime/timer';
import type { CommandExecutor } from './command-executor';

export class ManagementService {
  constructor(private readonly executor: CommandExecutor) {}

  *jobs(): Iterable<JobRec> {
    yield* this.executor.store.globalJobs.values();
    for (const pi of this.executor.store.instances.values()) {
      yield* Object.values(pi.jobs);
    }
  }

  job(id: string): JobRec | undefined {
    return this.executor.job(id);
  }

  executeJob(id: string): void {
    const job = this.job(id);
    if (!job) {
      throw new NotFoundException(`No job found with id '${id}'`);
    }
    const batch = job.batchId ? this.executor.store.batches.get(job.batchId) : undefined;
    const flags =
      batch && isExecutionJob(batch, job)
        ? batchJobHandler(batch.configuration).commandOptions(batch.configuration)
        : {};
    try {
      this.executor.run(flags, (rt) => {
        if (job.batchId !== null) {
          runBatchJob(this.executor, rt, job, batchJobHandler);
        } else if (job.processInstanceId === null) {
          this.runGlobalJob(rt, job);
        } else {
          rt.runJob(job);
        }
        rt.ctx.jobExecuted(job.id);
      });
    } catch (error) {
      this.recordJobFailure(job, error);
      throw error;
    }
  }

  private runGlobalJob(rt: Runtime, job: JobRec): void {
    const jobs = rt.ctx.globalJobs();
    jobs.delete(job.id);
    if (job.handlerType !== 'timer-start-event') {
      throw new ProcessEngineException(
        `Job handler '${job.handlerType}' is not supported by this engine yet`,
      );
    }
    const definition = job.processDefinitionId
      ? this.executor.store.definitions.get(job.processDefinitionId)
      : undefined;
    if (!definition) {
      throw new ProcessEngineException(`Process definition of job '${job.id}' does not exist`);
    }
    if (job.repeat) {
      const step = nextCycle(this.executor.clock(), job.repeat);
      jobs.set(job.id, { ...job, dueDate: step.dueDate, repeat: step.next, seq: rt.ctx.nextSeq() });
    }
    rt.startProcessInstance(definition, { startEventId: job.activityId });
  }

  /** A failed job loses one retry and keeps its exception; at zero an incident is raised. */
  private recordJobFailure(job: JobRec, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const type = error instanceof ProcessEngineException ? error.type : 'ProcessEngineException';
    const stacktrace = `org.camunda.bpm.engine.${type}: ${message}\n${error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : ''}`;
    this.executor.run({}, (rt) => {
      const target =
        job.processInstanceId === null
          ? rt.ctx.globalJobs().get(job.id)
          : rt.ctx.instance(job.processInstanceId)?.jobs[job.id];
      if (!target) {
        return;
      }
      const failed: JobRec = {
        ...target,
        retries: Math.max(0, target.retries - 1),
        exceptionMessage: message,
        stacktrace,
        failedActivityId: target.activityId,
      };
      // JobEntity.setRetries raises the failedJob incident only when retries go from >0 to 0: a
      // job executed by hand after its incident (POST /job/{id}/execute) fails without another.
      const raisesIncident = target.retries > 0 && failed.retries === 0;
      if (job.processInstanceId === null) {
        rt.ctx.globalJobs().set(failed.id, failed);
        if (raisesIncident) {
          const incidentId = this.executor.newId();
          rt.ctx.globalIncidents().set(incidentId, {
            id: incidentId,
            incidentType: 'failedJob',
            incidentTimestamp: this.executor.clock(),
            incidentMessage: message,
            processDefinitionId: null,
            processInstanceId: null,
            executionId: null,
            activityId: null,
            failedActivityId: null,
            configuration: failed.id,
            jobDefinitionId: failed.jobDefinitionId,
            causeIncidentId: incidentId,
            rootCauseIncidentId: incidentId,
            tenantId: failed.tenantId,
            annotation: null,
          });
        }
        return;
      }
      Object.assign(target, failed);
      if (raisesIncident) {
        const pi = rt.ctx.instance(job.processInstanceId);
        if (pi) {
          const incidentId = this.executor.newId();
          rt.tree.putIncident(pi, {
            id: incidentId,
            incidentType: 'failedJob',
            incidentTimestamp: this.executor.clock(),
            incidentMessage: message,
            processDefinitionId: pi.processDefinitionId,
            processInstanceId: pi.id,
            executionId: target.executionId,
            activityId: target.activityId,
            failedActivityId: target.activityId,
            configuration: target.id,
            jobDefinitionId: target.jobDefinitionId,
            causeIncidentId: incidentId,
            rootCauseIncidentId: incidentId,
            tenantId: pi.tenantId,
            annotation: null,
          });
        }
      }
    });
  }

  setJobRetries(id: string, retries: number): void {
    if (retries < 0) {
      throw new BadUserRequestException(
        `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
      );
    }
    const job = this.job(id);
    if (!job) {
      throw new ProcessEngineException(`ENGINE-13053 No job found with id '${id}'.'`);
    }
    this.updateJobRetries([job], retries);
  }

  setJobDefinitionRetries(jobDefinitionId: string, retries: number): void {
    if (retries < 0) {
      throw new BadUserRequestException(
        `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
      );
    }
    const jobs = [...this.jobs()].filter(
      (job) => job.jobDefinitionId === jobDefinitionId && job.retries === 0,
    );
    this.updateJobRetries(jobs, retries);
  }

  private updateJobRetries(jobs: JobRec[], retries: number): void {
    this.executor.run({}, (rt) => {
      for (const job of jobs) {
        setRetries(this.executor, rt, job.id, retries);
      }
    });
  }

  setJobRetriesAsync(
    jobIds: string[],
    retries: number,
    userId: string | null = null,
    authorize?: () => void,
  ): BatchRec {
    return setJobRetriesAsync(this.executor, jobIds, retries, userId, authorize);
  }

  jobDefinitions(): Iterable<JobDefinitionRec> {
    return this.executor.store.jobDefinitions.values();
  }

  jobDefinition(id: string): JobDefinitionRec | undefined {
    return this.executor.store.jobDefinitions.get(id);
  }

  acquireJob(): JobRec | undefined {
    const now = this.executor.clock();
    let best: JobRec | undefined;
    const consider = (job: JobRec): void => {
      if (job.retries <= 0 || job.suspended || (job.dueDate !== null && job.dueDate > now)) {
        return;
      }
      const due = job.dueDate ?? job.createTime;
      const bestDue = best ? (best.dueDate ?? best.createTime) : Number.POSITIVE_INFINITY;
      if (!best || due < bestDue || (due === bestDue && job.seq < best.seq)) {
        best = job;
      }
    };
    for (const job of this.executor.store.globalJobs.values()) {
      consider(job);
    }
    for (const [jobId, piId] of this.executor.store.jobIndex) {
      const job = this.executor.store.instances.get(piId)?.jobs[jobId];
      if (job) {
        consider(job);
      }
    }
    return best;
  }
}
