/**
 * `GET /history/activity-instance` (Camunda's `HistoricActivityInstanceDto`). It belongs in
 * `src/api/camunda-dto.ts` with the other DTOs and moves there once that file is free to change.
 */
export interface HistoricActivityInstanceDto {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  /** e.g. `userTask`, `subProcess`, `multiInstanceBody`. */
  activityType: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  taskId: string | null;
  calledProcessInstanceId: string | null;
  calledCaseInstanceId: string | null;
  assignee: string | null;
  startTime: string;
  endTime: string | null;
  durationInMillis: number | null;
  /** True when the instance was cancelled (by a modification, an interrupting event, deletion). */
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}
