/** The current batch of a case and its seed, execution and monitor jobs. */
import type { BatchDto, CaseContext } from './case-context';
import type { BatchJobRole } from './conformance-case';
import type { JobDto } from './expectations';
import { CaseFailure } from './problems';

/** The `BatchDto` field naming each role's job definition. */
export const BATCH_JOB_ROLES = {
  seed: 'seedJobDefinitionId',
  execution: 'batchJobDefinitionId',
  monitor: 'monitorJobDefinitionId',
} as const satisfies Record<BatchJobRole, keyof BatchDto>;

export function isBatchJobRole(role: string): role is BatchJobRole {
  return role in BATCH_JOB_ROLES;
}

export function currentBatch(ctx: CaseContext): BatchDto {
  if (!ctx.batch) {
    throw new CaseFailure('no current batch: no modifyAsync/modifyManyAsync step created one');
  }
  return ctx.batch;
}

export function batchJobDefinitionId(batch: BatchDto, role: BatchJobRole): string {
  const id = batch[BATCH_JOB_ROLES[role]];
  if (!id) {
    throw new CaseFailure(`the batch has no ${BATCH_JOB_ROLES[role]}`);
  }
  return id;
}

export function batchJobs(ctx: CaseContext, role: BatchJobRole): Promise<JobDto[]> {
  return ctx.client.getJson<JobDto[]>('/job', {
    jobDefinitionId: batchJobDefinitionId(currentBatch(ctx), role),
  });
}
