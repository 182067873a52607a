/** Engine records → Camunda's response DTOs, every field present and dates formatted. */
import type {
  ActivityInstanceTree,
  EngineApi,
  TransitionInstanceTree,
  VariableView,
} from '../engine/engine-api';
import type { BatchStatistics } from '../engine/batch/batch-runner';
import type {
  BatchRec,
  DeploymentRec,
  EventSubscriptionRec,
  HistoricIncidentRec,
  HistoricActivityInstanceRec,
  HistoricBatchRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  IncidentRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  TaskRec,
  UserOperationLogRec,
} from '../engine/runtime/state';
import type { BatchDto, BatchStatisticsDto, HistoricBatchDto } from '../contract/camunda/batch';
import type { AtomLink } from '../contract/camunda/common';
import type {
  HistoricProcessInstanceDto,
  HistoricVariableInstanceDto,
  HistoricVariableUpdateDto,
  UserOperationLogEntryDto,
  HistoricActivityInstanceDto,
} from '../contract/camunda/history';
import type {
  EventSubscriptionDto,
  HistoricIncidentDto,
  IncidentDto,
  JobDefinitionDto,
  JobDto,
} from '../contract/camunda/job';
import type {
  ActivityInstanceDto,
  ProcessInstanceDto,
  TransitionInstanceDto,
} from '../contract/camunda/process-instance';
import type { DeploymentDto, ProcessDefinitionDto } from '../contract/camunda/repository';
import type { TaskDto } from '../contract/camunda/task';
import type { VariableInstanceDto } from '../contract/camunda/variables';
import { formatCamundaDate, formatRequiredDate } from './camunda-date';
import { toVariableValueDto } from './variable-values';

function selfLink(baseUrl: string, resource: string, id: string): AtomLink[] {
  return [{ method: 'GET', href: `${baseUrl}/${resource}/${id}`, rel: 'self' }];
}

export function toDeploymentDto(deployment: DeploymentRec, baseUrl: string): DeploymentDto {
  return {
    links: selfLink(baseUrl, 'deployment', deployment.id),
    id: deployment.id,
    name: deployment.name,
    source: deployment.source,
    deploymentTime: formatRequiredDate(deployment.deploymentTime),
    tenantId: deployment.tenantId,
  };
}

export function toProcessDefinitionDto(definition: ProcessDefinitionRec): ProcessDefinitionDto {
  return {
    id: definition.id,
    key: definition.key,
    category: definition.category,
    description: null,
    name: definition.name,
    version: definition.version,
    resource: definition.resourceName,
    deploymentId: definition.deploymentId,
    diagram: null,
    suspended: definition.suspended,
    tenantId: definition.tenantId,
    versionTag: definition.versionTag,
    historyTimeToLive: definition.historyTimeToLive,
    startableInTasklist: true,
  };
}

/** The instance fields `ProcessInstanceDto` needs, from a running or a historic instance. */
export interface ProcessInstanceLike {
  id: string;
  processDefinitionId: string;
  businessKey: string | null;
  suspended?: boolean;
  tenantId?: string | null;
}

export function toProcessInstanceDto(
  instance: ProcessInstanceLike,
  baseUrl: string,
  ended = false,
): ProcessInstanceDto {
  return {
    links: selfLink(baseUrl, 'process-instance', instance.id),
    id: instance.id,
    definitionId: instance.processDefinitionId,
    businessKey: instance.businessKey,
    caseInstanceId: null,
    ended,
    suspended: instance.suspended ?? false,
    tenantId: instance.tenantId ?? null,
  };
}

function toTransitionInstanceDto(transition: TransitionInstanceTree): TransitionInstanceDto {
  return {
    id: transition.id,
    parentActivityInstanceId: transition.parentActivityInstanceId,
    activityId: transition.activityId,
    targetActivityId: transition.targetActivityId,
    activityName: transition.activityName,
    activityType: transition.activityType,
    processInstanceId: transition.processInstanceId,
    processDefinitionId: transition.processDefinitionId,
    executionId: transition.executionId,
    incidentIds: [...transition.incidentIds],
    incidents: transition.incidents.map((incident) => ({ ...incident })),
  };
}

/**
 * Copies the engine's tree into the DTO field set
 * (docs/camunda-semantics.md#activity-instance-tree).
 */
export function toActivityInstanceDto(tree: ActivityInstanceTree): ActivityInstanceDto {
  return {
    id: tree.id,
    parentActivityInstanceId: tree.parentActivityInstanceId,
    activityId: tree.activityId,
    activityType: tree.activityType,
    processInstanceId: tree.processInstanceId,
    processDefinitionId: tree.processDefinitionId,
    childActivityInstances: tree.childActivityInstances.map(toActivityInstanceDto),
    childTransitionInstances: tree.childTransitionInstances.map(toTransitionInstanceDto),
    executionIds: [...tree.executionIds],
    activityName: tree.activityName,
    name: tree.name,
    incidentIds: [...tree.incidentIds],
    incidents: tree.incidents.map((incident) => ({ ...incident })),
  };
}

export function toTaskDto(task: TaskRec): TaskDto {
  return {
    id: task.id,
    name: task.name,
    assignee: task.assignee,
    owner: task.owner,
    created: formatRequiredDate(task.created),
    lastUpdated: null,
    due: formatCamundaDate(task.due),
    followUp: formatCamundaDate(task.followUp),
    delegationState: null,
    description: task.description,
    executionId: task.executionId,
    parentTaskId: null,
    priority: task.priority,
    processDefinitionId: task.processDefinitionId,
    processInstanceId: task.processInstanceId,
    caseExecutionId: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    taskDefinitionKey: task.taskDefinitionKey,
    suspended: task.suspended,
    formKey: null,
    camundaFormRef: null,
    tenantId: task.tenantId,
    taskState: 'Created',
  };
}

export function toJobDto(job: JobRec): JobDto {
  return {
    id: job.id,
    jobDefinitionId: job.jobDefinitionId,
    processInstanceId: job.processInstanceId,
    processDefinitionId: job.processDefinitionId,
    processDefinitionKey: job.processDefinitionKey,
    executionId: job.executionId,
    exceptionMessage: job.exceptionMessage,
    failedActivityId: job.failedActivityId,
    retries: job.retries,
    dueDate: formatCamundaDate(job.dueDate),
    suspended: job.suspended,
    priority: job.priority,
    tenantId: job.tenantId,
    createTime: formatCamundaDate(job.createTime),
    batchId: job.batchId,
  };
}

export function toJobDefinitionDto(definition: JobDefinitionRec): JobDefinitionDto {
  return {
    id: definition.id,
    processDefinitionId: definition.processDefinitionId,
    processDefinitionKey: definition.processDefinitionKey,
    activityId: definition.activityId,
    jobType: definition.jobType,
    jobConfiguration: definition.jobConfiguration,
    overridingJobPriority: definition.overridingJobPriority,
    suspended: definition.suspended,
    tenantId: definition.tenantId,
    deploymentId: definition.deploymentId,
  };
}

export function toIncidentDto(incident: IncidentRec): IncidentDto {
  return {
    id: incident.id,
    processDefinitionId: incident.processDefinitionId,
    processInstanceId: incident.processInstanceId,
    executionId: incident.executionId,
    incidentTimestamp: formatRequiredDate(incident.incidentTimestamp),
    incidentType: incident.incidentType,
    activityId: incident.activityId,
    failedActivityId: incident.failedActivityId,
    causeIncidentId: incident.causeIncidentId,
    rootCauseIncidentId: incident.rootCauseIncidentId,
    configuration: incident.configuration,
    tenantId: incident.tenantId,
    incidentMessage: incident.incidentMessage,
    jobDefinitionId: incident.jobDefinitionId,
    annotation: incident.annotation,
  };
}

export function toHistoricIncidentDto(incident: HistoricIncidentRec): HistoricIncidentDto {
  return {
    id: incident.id,
    processDefinitionKey: incident.processDefinitionKey,
    processDefinitionId: incident.processDefinitionId,
    processInstanceId: incident.processInstanceId,
    executionId: incident.executionId,
    rootProcessInstanceId: incident.rootProcessInstanceId,
    createTime: formatRequiredDate(incident.createTime),
    endTime: formatCamundaDate(incident.endTime),
    removalTime: null,
    incidentType: incident.incidentType,
    activityId: incident.activityId,
    failedActivityId: incident.failedActivityId,
    causeIncidentId: incident.causeIncidentId,
    rootCauseIncidentId: incident.rootCauseIncidentId,
    configuration: incident.configuration,
    historyConfiguration: null,
    incidentMessage: incident.incidentMessage,
    tenantId: incident.tenantId,
    jobDefinitionId: incident.jobDefinitionId,
    open: incident.state === 'open',
    deleted: incident.state === 'deleted',
    resolved: incident.state === 'resolved',
    annotation: incident.annotation,
  };
}

export function toEventSubscriptionDto(subscription: EventSubscriptionRec): EventSubscriptionDto {
  return {
    id: subscription.id,
    eventType: subscription.eventType,
    eventName: subscription.eventName,
    executionId: subscription.executionId,
    processInstanceId: subscription.processInstanceId,
    activityId: subscription.activityId,
    createdDate: formatRequiredDate(subscription.createdDate),
    tenantId: subscription.tenantId,
  };
}

export function toVariableInstanceDto(
  engine: EngineApi,
  variable: VariableView,
  deserializeValues: boolean,
): VariableInstanceDto {
  return {
    ...toVariableValueDto(variable.value, deserializeValues),
    id: variable.id,
    name: variable.name,
    processDefinitionId: variable.processDefinitionId,
    processInstanceId: variable.processInstanceId,
    executionId: variable.executionId,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: variable.taskId,
    batchId: null,
    activityInstanceId: variable.activityInstanceId,
    errorMessage: null,
    tenantId: engine.definition(variable.processDefinitionId)?.tenantId ?? null,
  };
}

export function toHistoricProcessInstanceDto(
  instance: HistoricProcessInstanceRec,
): HistoricProcessInstanceDto {
  return {
    id: instance.id,
    businessKey: instance.businessKey,
    processDefinitionId: instance.processDefinitionId,
    processDefinitionKey: instance.processDefinitionKey,
    processDefinitionName: instance.processDefinitionName,
    processDefinitionVersion: instance.processDefinitionVersion,
    startTime: formatRequiredDate(instance.startTime),
    endTime: formatCamundaDate(instance.endTime),
    removalTime: null,
    durationInMillis: instance.endTime === null ? null : instance.endTime - instance.startTime,
    startUserId: instance.startUserId,
    startActivityId: instance.startActivityId,
    deleteReason: instance.deleteReason,
    rootProcessInstanceId: instance.rootProcessInstanceId,
    superProcessInstanceId: instance.superProcessInstanceId,
    superCaseInstanceId: null,
    caseInstanceId: null,
    tenantId: instance.tenantId,
    state: instance.state,
    restartedProcessInstanceId: null,
  };
}

export function toHistoricActivityInstanceDto(
  instance: HistoricActivityInstanceRec,
): HistoricActivityInstanceDto {
  return {
    id: instance.id,
    parentActivityInstanceId: instance.parentActivityInstanceId,
    activityId: instance.activityId,
    activityName: instance.activityName,
    activityType: instance.activityType,
    processDefinitionKey: instance.processDefinitionKey,
    processDefinitionId: instance.processDefinitionId,
    processInstanceId: instance.processInstanceId,
    executionId: instance.executionId,
    taskId: instance.taskId,
    calledProcessInstanceId: instance.calledProcessInstanceId,
    calledCaseInstanceId: null,
    assignee: instance.assignee,
    startTime: formatRequiredDate(instance.startTime),
    endTime: formatCamundaDate(instance.endTime),
    durationInMillis: instance.endTime === null ? null : instance.endTime - instance.startTime,
    canceled: instance.canceled,
    completeScope: instance.completeScope,
    tenantId: instance.tenantId,
    removalTime: null,
    rootProcessInstanceId: instance.rootProcessInstanceId,
  };
}

export function toUserOperationLogEntryDto(entry: UserOperationLogRec): UserOperationLogEntryDto {
  return {
    id: entry.id,
    userId: entry.userId,
    timestamp: formatRequiredDate(entry.timestamp),
    operationId: entry.operationId,
    operationType: entry.operationType,
    entityType: entry.entityType,
    category: entry.category,
    annotation: entry.annotation,
    property: entry.property,
    orgValue: entry.orgValue,
    newValue: entry.newValue,
    deploymentId: entry.deploymentId,
    processDefinitionId: entry.processDefinitionId,
    processDefinitionKey: entry.processDefinitionKey,
    processInstanceId: entry.processInstanceId,
    executionId: entry.executionId,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: entry.taskId,
    externalTaskId: null,
    batchId: entry.batchId,
    jobId: entry.jobId,
    jobDefinitionId: entry.jobDefinitionId,
    removalTime: null,
    rootProcessInstanceId: entry.rootProcessInstanceId,
  };
}

export function toBatchDto(batch: BatchRec): BatchDto {
  return {
    id: batch.id,
    type: batch.type,
    totalJobs: batch.totalJobs,
    jobsCreated: batch.jobsCreated,
    batchJobsPerSeed: batch.batchJobsPerSeed,
    invocationsPerBatchJob: batch.invocationsPerBatchJob,
    seedJobDefinitionId: batch.seedJobDefinitionId,
    monitorJobDefinitionId: batch.monitorJobDefinitionId,
    batchJobDefinitionId: batch.batchJobDefinitionId,
    suspended: batch.suspended,
    tenantId: batch.tenantId,
    createUserId: batch.createUserId,
    startTime: formatCamundaDate(batch.startTime),
    executionStartTime: formatCamundaDate(batch.executionStartTime),
  };
}

export function toBatchStatisticsDto(
  batch: BatchRec,
  statistics: BatchStatistics,
): BatchStatisticsDto {
  return {
    ...toBatchDto(batch),
    remainingJobs: statistics.remainingJobs,
    completedJobs: statistics.completedJobs,
    failedJobs: statistics.failedJobs,
  };
}

export function toHistoricBatchDto(batch: HistoricBatchRec): HistoricBatchDto {
  return {
    id: batch.id,
    type: batch.type,
    totalJobs: batch.totalJobs,
    batchJobsPerSeed: batch.batchJobsPerSeed,
    invocationsPerBatchJob: batch.invocationsPerBatchJob,
    seedJobDefinitionId: batch.seedJobDefinitionId,
    monitorJobDefinitionId: batch.monitorJobDefinitionId,
    batchJobDefinitionId: batch.batchJobDefinitionId,
    tenantId: batch.tenantId,
    createUserId: batch.createUserId,
    startTime: formatCamundaDate(batch.startTime),
    executionStartTime: formatCamundaDate(batch.executionStartTime),
    endTime: formatCamundaDate(batch.endTime),
    removalTime: formatCamundaDate(batch.removalTime),
  };
}

export function toHistoricVariableInstanceDto(
  variable: HistoricVariableInstanceRec,
  deserializeValues: boolean,
): HistoricVariableInstanceDto {
  return {
    ...toVariableValueDto(variable.value, deserializeValues),
    id: variable.id,
    name: variable.name,
    processDefinitionKey: variable.processDefinitionKey,
    processDefinitionId: variable.processDefinitionId,
    processInstanceId: variable.processInstanceId,
    executionId: variable.executionId,
    activityInstanceId: variable.activityInstanceId,
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: variable.taskId,
    errorMessage: null,
    tenantId: variable.tenantId,
    state: variable.state,
    createTime: formatRequiredDate(variable.createTime),
    removalTime: null,
    rootProcessInstanceId: variable.rootProcessInstanceId,
  };
}

/** Camunda's `HistoricDetailDto` of the `variableUpdate` subtype (its Jackson `type` name). */
export function toHistoricVariableUpdateDto(
  detail: HistoricVariableUpdateRec,
  deserializeValues: boolean,
): HistoricVariableUpdateDto {
  const { type, value, valueInfo } = toVariableValueDto(detail.value, deserializeValues);
  return {
    type: 'variableUpdate',
    id: detail.id,
    processDefinitionKey: detail.processDefinitionKey,
    processDefinitionId: detail.processDefinitionId,
    processInstanceId: detail.processInstanceId,
    activityInstanceId: detail.activityInstanceId,
    executionId: detail.executionId,
    caseDefinitionKey: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: detail.taskId,
    tenantId: detail.tenantId,
    userOperationId: detail.userOperationId,
    time: formatRequiredDate(detail.time),
    removalTime: null,
    rootProcessInstanceId: detail.rootProcessInstanceId,
    variableName: detail.variableName,
    variableInstanceId: detail.variableInstanceId,
    variableType: type,
    value,
    valueInfo,
    initial: detail.initial,
    revision: detail.revision,
    errorMessage: null,
  };
}
