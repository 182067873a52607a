/**
 * Batches and historic batches. Camunda 7 REST API types, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.22/); types only.
 */

/** `GET /batch/{id}`, the response of the async modification endpoints. */
export interface BatchDto {
  id: string;
  type: string;
  totalJobs: number;
  jobsCreated: number;
  batchJobsPerSeed: number;
  invocationsPerBatchJob: number;
  seedJobDefinitionId: string | null;
  monitorJobDefinitionId: string | null;
  batchJobDefinitionId: string | null;
  suspended: boolean;
  tenantId: string | null;
  createUserId: string | null;
  startTime: string | null;
  executionStartTime: string | null;
}

/** `GET /batch/statistics` */
export interface BatchStatisticsDto extends BatchDto {
  remainingJobs: number;
  completedJobs: number;
  failedJobs: number;
}

/** `GET /history/batch` */
export interface HistoricBatchDto {
  id: string;
  type: string;
  totalJobs: number;
  batchJobsPerSeed: number;
  invocationsPerBatchJob: number;
  seedJobDefinitionId: string | null;
  monitorJobDefinitionId: string | null;
  batchJobDefinitionId: string | null;
  tenantId: string | null;
  createUserId: string | null;
  startTime: string | null;
  executionStartTime: string | null;
  endTime: string | null;
  removalTime: string | null;
}
