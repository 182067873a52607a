import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import type { JobDto } from '../../../contract/camunda/job';
import type { BatchAttribution } from '../../lib/batch-attribution';

/**
 * Where the process instance of a failed job was read: the job's own field; the exception
 * message; or the batch, when it was created for one instance only.
 */
export type FailedJobInstanceSource = 'job' | 'message' | 'onlyInstance';

export interface FailedJobProcessInstance {
  processInstanceId: string;
  source: FailedJobInstanceSource;
}

/**
 * Camunda's engine messages name the instance a modification failed for, e.g.
 * `ENGINE-13036 Process instance '<id>' cannot be modified…` or `ENGINE-13037 Process instance
 * '<id>' cannot be modified. Its process definition…`.
 */
const PROCESS_INSTANCE_IN_MESSAGE = /Process instance '([^']+)'/;

/**
 * Why a modification batch job names no process instance. Camunda creates its execution jobs
 * without an execution (`BatchJobDeclaration.resolveExecution` returns null), so `processInstanceId`
 * stays empty; the instances of a job are only in its configuration, which REST does not show.
 */
export const UNNAMED_JOB_REASON =
  'Camunda does not record the process instance of a modification batch job, and this exception does not name one.';

/**
 * The process instance a failed batch job was working on, where it can be known: the job's field
 * (which Camunda leaves empty for batch jobs, other engines may not); the exception message, which
 * names it for the usual failures (instance deleted or finished, wrong definition); or the batch,
 * when it was created for exactly one instance, since every job of it is then that instance's.
 * Null when none of them says.
 */
export function failedJobProcessInstance(
  job: Pick<JobDto, 'processInstanceId' | 'exceptionMessage'>,
  batchInstances: BatchAttribution | null = null,
): FailedJobProcessInstance | null {
  if (job.processInstanceId !== null) {
    return { processInstanceId: job.processInstanceId, source: 'job' };
  }
  const match = PROCESS_INSTANCE_IN_MESSAGE.exec(job.exceptionMessage ?? '');
  if (match?.[1] !== undefined) {
    return { processInstanceId: match[1], source: 'message' };
  }
  const [only, ...others] =
    batchInstances?.kind === 'instances' ? batchInstances.processInstanceIds : [];
  return only === undefined || others.length > 0
    ? null
    : { processInstanceId: only, source: 'onlyInstance' };
}

/**
 * The batch's instances that still look as they did when it was created: still running, and no
 * activity started or ended in them since. A job that fails rolls its instance back, so the
 * instances of the failed jobs are among these, unless something else changed them since; those
 * a failure already names are left out. `changed` are the historic activity instances of the
 * definition started, or ended, since the batch was created.
 */
export function unchangedInstances(
  running: readonly string[],
  changed: readonly Pick<HistoricActivityInstanceDto, 'processInstanceId'>[],
  named: ReadonlySet<string>,
): string[] {
  const touched = new Set(changed.map(({ processInstanceId }) => processInstanceId));
  return running.filter((id) => !touched.has(id) && !named.has(id));
}
