import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import type { JobDto } from '../../../contract/camunda/job';

/** Test data: a running modification batch as `GET /batch/statistics` answers it. */
export function batchStatistics(overrides: Partial<BatchStatisticsDto> = {}): BatchStatisticsDto {
  return {
    id: 'batch-1',
    type: 'instance-modification',
    totalJobs: 200,
    jobsCreated: 200,
    batchJobsPerSeed: 100,
    invocationsPerBatchJob: 1,
    seedJobDefinitionId: 'seed-definition-1',
    monitorJobDefinitionId: 'monitor-definition-1',
    batchJobDefinitionId: 'execution-definition-1',
    suspended: false,
    tenantId: null,
    createUserId: 'demo',
    startTime: '2024-05-01T12:00:00.000+0000',
    executionStartTime: '2024-05-01T12:00:01.000+0000',
    remainingJobs: 188,
    completedJobs: 12,
    failedJobs: 3,
    ...overrides,
  };
}

/** Test data: a finished batch as `GET /history/batch` answers it. */
export function historicBatch(overrides: Partial<HistoricBatchDto> = {}): HistoricBatchDto {
  return {
    id: 'batch-0',
    type: 'instance-modification',
    totalJobs: 5,
    batchJobsPerSeed: 100,
    invocationsPerBatchJob: 1,
    seedJobDefinitionId: 'seed-definition-0',
    monitorJobDefinitionId: 'monitor-definition-0',
    batchJobDefinitionId: 'execution-definition-0',
    tenantId: null,
    createUserId: 'demo',
    startTime: '2024-04-30T08:00:00.000+0000',
    executionStartTime: '2024-04-30T08:00:01.000+0000',
    endTime: '2024-04-30T08:01:00.000+0000',
    removalTime: null,
    ...overrides,
  };
}

/** Test data: a failed batch execution job; Camunda sets no process instance on those. */
export function failedBatchJob(overrides: Partial<JobDto> = {}): JobDto {
  return {
    id: 'job-1',
    jobDefinitionId: 'execution-definition-1',
    processInstanceId: null,
    processDefinitionId: null,
    processDefinitionKey: null,
    executionId: null,
    exceptionMessage:
      "ENGINE-13036 Process instance 'pi-1' cannot be modified. The process instance does not exist",
    failedActivityId: null,
    retries: 0,
    dueDate: null,
    suspended: false,
    priority: 0,
    tenantId: null,
    createTime: '2024-05-01T12:00:01.000+0000',
    batchId: 'batch-1',
    ...overrides,
  };
}
