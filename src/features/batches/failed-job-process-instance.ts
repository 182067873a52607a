import type { JobDto } from '../../api/camunda-dto';

export interface FailedJobProcessInstance {
  processInstanceId: string;
  /** True when the id was read from the exception message rather than from a job field. */
  fromMessage: boolean;
}

/**
 * Camunda's engine messages name the instance a modification failed for, e.g.
 * `ENGINE-13036 Process instance '<id>' cannot be modified…` or `ENGINE-13037 Process instance
 * '<id>' cannot be modified. Its process definition…`.
 */
const PROCESS_INSTANCE_IN_MESSAGE = /Process instance '([^']+)'/;

/**
 * The process instance a failed batch job was working on. Batch execution jobs carry no
 * `processInstanceId` in Camunda (contract §3.5: only the deployment id is set), so unless the
 * engine fills that field, the id is taken from the exception message, which names it for the
 * usual failures (instance deleted or finished, wrong definition). Null when neither says.
 */
export function failedJobProcessInstance(
  job: Pick<JobDto, 'processInstanceId' | 'exceptionMessage'>,
): FailedJobProcessInstance | null {
  if (job.processInstanceId !== null) {
    return { processInstanceId: job.processInstanceId, fromMessage: false };
  }
  const match = PROCESS_INSTANCE_IN_MESSAGE.exec(job.exceptionMessage ?? '');
  return match?.[1] === undefined ? null : { processInstanceId: match[1], fromMessage: true };
}
