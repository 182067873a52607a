/**
 * Types of the Camunda 7 REST API, named as in its OpenAPI document
 * (https://docs.camunda.org/rest/camunda-bpm-platform/7.24/). Types only: the server and e2e
 * import them with `import type`.
 *
 * Dates are strings in Camunda's format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`
 * (e.g. `2013-01-23T14:42:45.000+0000`). Response DTOs carry every field, `null` included.
 */

/** The body of every error response (docs: "Introduction → Error handling"). */
export interface ExceptionDto {
  type: string;
  message: string;
  code?: number | null;
}

/**
 * A missing permission, as listed by `AuthorizationExceptionDto`; `resourceId` is null where
 * Camunda checked the resource type as a whole (e.g. `CREATE` on `Batch`).
 */
export interface MissingAuthorizationDto {
  permissionName: string;
  resourceName: string;
  resourceId: string | null;
}

/** 403 body: `ExceptionDto` plus who was refused what. */
export interface AuthorizationExceptionDto extends ExceptionDto {
  userId: string;
  permissionName: string | null;
  resourceName: string | null;
  resourceId: string | null;
  missingAuthorizations: MissingAuthorizationDto[];
}

/**
 * One problem of a `ParseExceptionDto`. Camunda's ProblemDto getter is spelled `getЕlementIds`
 * with a Cyrillic `Е`, so Jackson writes the key `еlementIds` (U+0435), as
 * DeploymentRestServiceInteractionTest reads it; the OpenAPI document says `elementIds`.
 */
export interface ProblemDto {
  message: string;
  /** 0 when unknown (an `int` in Camunda). */
  line: number;
  column: number;
  mainElementId: string | null;
  '\u0435lementIds': string[];
}

/** 400 body of a deployment whose BPMN cannot be parsed: problems per resource name. */
export interface ParseExceptionDto extends ExceptionDto {
  details: Record<string, { errors: ProblemDto[]; warnings: ProblemDto[] }>;
}

/** `GET /version`. */
export interface VersionDto {
  version: string;
}

/** `GET /engine`: one entry per process engine. */
export interface ProcessEngineDto {
  name: string;
}

/** `GET /…/count`. */
export interface CountResultDto {
  count: number;
}

/** Hypermedia link of deployments and process instances. */
export interface AtomLink {
  method: string;
  href: string;
  rel: string;
}

export interface SortingDto {
  sortBy: string;
  sortOrder: SortOrder;
}

export type SortOrder = 'asc' | 'desc';

// ---------------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------------

/** Camunda's value type names as the REST API spells them. */
export type VariableValueType =
  | 'String'
  | 'Integer'
  | 'Long'
  | 'Short'
  | 'Double'
  | 'Boolean'
  | 'Date'
  | 'Json'
  | 'Xml'
  | 'Null'
  | 'Object'
  | 'Bytes'
  | 'File';

/**
 * A typed variable value. In requests `type` may be omitted (it is then inferred from the JSON
 * value); `Date` values are Camunda date strings, `Json` values are JSON text.
 */
export interface VariableValueDto {
  value: unknown;
  type: VariableValueType | null;
  valueInfo: Record<string, unknown> | null;
}

/** A request variable; the map key is the variable name. */
export type VariableValueDtoInput = Partial<VariableValueDto>;

/** Variables given with a start instruction; `local` creates them on the new activity's scope. */
export interface TriggerVariableValueDto extends VariableValueDtoInput {
  local?: boolean;
}

export type VariableMapDto = Record<string, VariableValueDto>;

/** `POST /process-instance/{id}/variables` */
export interface PatchVariablesDto {
  modifications?: Record<string, VariableValueDtoInput> | null;
  deletions?: string[] | null;
}

/** `GET /variable-instance` */
export interface VariableInstanceDto extends VariableValueDto {
  id: string;
  name: string;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  batchId: string | null;
  activityInstanceId: string | null;
  errorMessage: string | null;
  tenantId: string | null;
}

/** One condition of `variables` in a query body; GET lists use `name_op_value`. */
export interface VariableQueryParameterDto {
  name: string;
  operator: 'eq' | 'neq' | 'gt' | 'gteq' | 'lt' | 'lteq' | 'like';
  value: unknown;
}

// ---------------------------------------------------------------------------------------------
// Deployments and process definitions
// ---------------------------------------------------------------------------------------------

/** `GET /deployment`, `GET /deployment/{id}` */
export interface DeploymentDto {
  links: AtomLink[];
  id: string;
  name: string | null;
  source: string | null;
  deploymentTime: string;
  tenantId: string | null;
}

/** `POST /deployment/create`: the deployment plus what it defined (null when nothing). */
export interface DeploymentWithDefinitionsDto extends DeploymentDto {
  deployedProcessDefinitions: Record<string, ProcessDefinitionDto> | null;
  deployedCaseDefinitions: Record<string, unknown> | null;
  deployedDecisionDefinitions: Record<string, unknown> | null;
  deployedDecisionRequirementsDefinitions: Record<string, unknown> | null;
}

/** `GET /process-definition`, `GET /process-definition/{id}`. */
export interface ProcessDefinitionDto {
  id: string;
  key: string;
  category: string | null;
  description: string | null;
  name: string | null;
  version: number;
  resource: string | null;
  deploymentId: string | null;
  diagram: string | null;
  suspended: boolean;
  tenantId: string | null;
  versionTag: string | null;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
}

/** `GET /process-definition/{id}/xml` */
export interface ProcessDefinitionDiagramDto {
  id: string;
  bpmn20Xml: string;
}

/** One entry of `incidents` in the statistics results. */
export interface IncidentStatisticsResultDto {
  incidentType: string;
  incidentCount: number;
}

/**
 * `GET /process-definition/statistics`: one entry per deployed definition version. `instances`
 * counts its running process instances; `incidents` is filled when `incidents=true` (or
 * `incidentsForType=…`) is requested, and empty otherwise.
 */
export interface ProcessDefinitionStatisticsResultDto {
  '@class'?: string;
  id: string;
  instances: number;
  failedJobs: number;
  incidents: IncidentStatisticsResultDto[];
  definition: ProcessDefinitionDto;
}

// ---------------------------------------------------------------------------------------------
// Process instances
// ---------------------------------------------------------------------------------------------

/** `GET /process-instance`, `GET /process-instance/{id}` */
export interface ProcessInstanceDto {
  links: AtomLink[];
  id: string;
  definitionId: string;
  businessKey: string | null;
  caseInstanceId: string | null;
  /** Deprecated in Camunda: always false for running instances. */
  ended: boolean;
  suspended: boolean;
  tenantId: string | null;
}

/** Start response with `withVariablesInReturn: true`. */
export interface ProcessInstanceWithVariablesDto extends ProcessInstanceDto {
  variables: VariableMapDto;
}

/** `POST /process-definition/{id}/start`, `POST /process-definition/key/{key}/start` */
export interface StartProcessInstanceDto {
  businessKey?: string | null;
  caseInstanceId?: string | null;
  variables?: Record<string, VariableValueDtoInput> | null;
  startInstructions?: ProcessInstanceModificationInstructionDto[] | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  withVariablesInReturn?: boolean | null;
}

/** `PUT /process-instance/{id}/suspended` */
export interface ProcessInstanceSuspensionStateDto {
  suspended: boolean;
}

/** `POST /process-instance` (query in the body; paging stays in the URL). */
export interface ProcessInstanceQueryDto {
  deploymentId?: string | null;
  processDefinitionId?: string | null;
  processDefinitionKey?: string | null;
  processDefinitionKeyIn?: string[] | null;
  processDefinitionKeyNotIn?: string[] | null;
  businessKey?: string | null;
  businessKeyLike?: string | null;
  superProcessInstance?: string | null;
  subProcessInstance?: string | null;
  rootProcessInstances?: boolean | null;
  leafProcessInstances?: boolean | null;
  active?: boolean | null;
  suspended?: boolean | null;
  processInstanceIds?: string[] | null;
  withIncident?: boolean | null;
  incidentId?: string | null;
  incidentType?: string | null;
  incidentMessage?: string | null;
  incidentMessageLike?: string | null;
  tenantIdIn?: string[] | null;
  withoutTenantId?: boolean | null;
  activityIdIn?: string[] | null;
  variables?: VariableQueryParameterDto[] | null;
  sorting?: SortingDto[] | null;
}

/** `GET /process-instance/{id}/activity-instances` (contract §2.6). */
export interface ActivityInstanceDto {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  childActivityInstances: ActivityInstanceDto[];
  childTransitionInstances: TransitionInstanceDto[];
  executionIds: string[];
  activityName: string | null;
  /** Deprecated alias of `activityName`. */
  name: string | null;
  incidentIds: string[];
  incidents: ActivityInstanceIncidentDto[];
}

/** A token waiting in an async continuation; its id is an execution id. */
export interface TransitionInstanceDto {
  id: string;
  parentActivityInstanceId: string;
  activityId: string;
  /** Deprecated alias of `activityId`. */
  targetActivityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  incidentIds: string[];
  incidents: ActivityInstanceIncidentDto[];
}

export interface ActivityInstanceIncidentDto {
  id: string;
  activityId: string;
}

// ---------------------------------------------------------------------------------------------
// Modification
// ---------------------------------------------------------------------------------------------

export type ProcessInstanceModificationInstructionType =
  'cancel' | 'startBeforeActivity' | 'startAfterActivity' | 'startTransition';

/** One instruction (contract §2.1); which fields count depends on `type`. */
export interface ProcessInstanceModificationInstructionDto {
  type: ProcessInstanceModificationInstructionType;
  activityId?: string | null;
  transitionId?: string | null;
  activityInstanceId?: string | null;
  transitionInstanceId?: string | null;
  ancestorActivityInstanceId?: string | null;
  variables?: Record<string, TriggerVariableValueDto> | null;
  /** Honoured only by `/modification/execute(Async)`. */
  cancelCurrentActiveActivityInstances?: boolean | null;
}

/** `POST /process-instance/{id}/modification` and `…/modification-async` */
export interface ProcessInstanceModificationDto {
  instructions?: ProcessInstanceModificationInstructionDto[] | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  annotation?: string | null;
}

/** `POST /modification/execute` and `/modification/executeAsync` */
export interface ModificationDto {
  processDefinitionId?: string | null;
  instructions?: ProcessInstanceModificationInstructionDto[] | null;
  processInstanceIds?: (string | null)[] | null;
  processInstanceQuery?: ProcessInstanceQueryDto | null;
  historicProcessInstanceQuery?: HistoricProcessInstanceQueryDto | null;
  skipCustomListeners?: boolean | null;
  skipIoMappings?: boolean | null;
  annotation?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Messages and signals
// ---------------------------------------------------------------------------------------------

/** `POST /message` */
export interface CorrelationMessageDto {
  messageName: string;
  businessKey?: string | null;
  tenantId?: string | null;
  withoutTenantId?: boolean | null;
  processInstanceId?: string | null;
  correlationKeys?: Record<string, VariableValueDtoInput> | null;
  localCorrelationKeys?: Record<string, VariableValueDtoInput> | null;
  processVariables?: Record<string, VariableValueDtoInput> | null;
  processVariablesLocal?: Record<string, VariableValueDtoInput> | null;
  all?: boolean | null;
  resultEnabled?: boolean | null;
  variablesInResultEnabled?: boolean | null;
}

/** `ExecutionDto`, as embedded in message correlation results. */
export interface ExecutionDto {
  id: string;
  processInstanceId: string;
  ended: boolean;
  tenantId: string | null;
}

/** One entry of the `POST /message` response with `resultEnabled: true`. */
export interface MessageCorrelationResultWithVariableDto {
  resultType: 'Execution' | 'ProcessDefinition';
  processInstance: ProcessInstanceDto | null;
  execution: ExecutionDto | null;
  variables?: VariableMapDto | null;
}

/** `POST /signal` */
export interface SignalDto {
  name: string;
  executionId?: string | null;
  variables?: Record<string, VariableValueDtoInput> | null;
  tenantId?: string | null;
  withoutTenantId?: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------

/** `GET /task`, `GET /task/{id}` */
export interface TaskDto {
  id: string;
  name: string | null;
  assignee: string | null;
  owner: string | null;
  created: string;
  lastUpdated: string | null;
  due: string | null;
  followUp: string | null;
  delegationState: string | null;
  description: string | null;
  executionId: string;
  parentTaskId: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  caseExecutionId: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  taskDefinitionKey: string;
  suspended: boolean;
  formKey: string | null;
  camundaFormRef: unknown;
  tenantId: string | null;
  taskState: string | null;
}

/** `POST /task/{id}/complete` */
export interface CompleteTaskDto {
  variables?: Record<string, VariableValueDtoInput> | null;
  withVariablesInReturn?: boolean | null;
}

// ---------------------------------------------------------------------------------------------
// Jobs, job definitions, incidents, event subscriptions
// ---------------------------------------------------------------------------------------------

/** `GET /job`, `GET /job/{id}` (contract §3.5) */
export interface JobDto {
  id: string;
  jobDefinitionId: string | null;
  processInstanceId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  executionId: string | null;
  exceptionMessage: string | null;
  failedActivityId: string | null;
  retries: number;
  dueDate: string | null;
  suspended: boolean;
  priority: number;
  tenantId: string | null;
  createTime: string | null;
  batchId: string | null;
}

/** `PUT /job/{id}/retries`, `PUT /job-definition/{id}/retries` */
export interface RetriesDto {
  retries: number;
  dueDate?: string | null;
}

/** `GET /job-definition` */
export interface JobDefinitionDto {
  id: string;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  activityId: string | null;
  jobType: string;
  jobConfiguration: string;
  overridingJobPriority: number | null;
  suspended: boolean;
  tenantId: string | null;
  deploymentId: string | null;
}

/** `GET /incident` */
export interface IncidentDto {
  id: string;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  incidentTimestamp: string;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  tenantId: string | null;
  incidentMessage: string | null;
  jobDefinitionId: string | null;
  annotation: string | null;
}

/** `GET /history/incident` entry (Camunda's `HistoricIncidentDto`). */
export interface HistoricIncidentDto {
  id: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  rootProcessInstanceId: string | null;
  createTime: string;
  endTime: string | null;
  removalTime: string | null;
  incidentType: string;
  activityId: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  historyConfiguration: string | null;
  incidentMessage: string | null;
  tenantId: string | null;
  jobDefinitionId: string | null;
  open: boolean;
  deleted: boolean;
  resolved: boolean;
  annotation: string | null;
}

/** `GET /event-subscription` */
export interface EventSubscriptionDto {
  id: string;
  eventType: string;
  eventName: string | null;
  executionId: string | null;
  processInstanceId: string | null;
  activityId: string;
  createdDate: string;
  tenantId: string | null;
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

export type HistoricProcessInstanceState =
  'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';

/** `GET /history/process-instance` */
export interface HistoricProcessInstanceDto {
  id: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: string;
  endTime: string | null;
  removalTime: string | null;
  durationInMillis: number | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
  rootProcessInstanceId: string;
  superProcessInstanceId: string | null;
  superCaseInstanceId: string | null;
  caseInstanceId: string | null;
  tenantId: string | null;
  state: HistoricProcessInstanceState;
  restartedProcessInstanceId: string | null;
}

/** `POST /history/process-instance` */
export interface HistoricProcessInstanceQueryDto {
  processInstanceId?: string | null;
  processInstanceIds?: string[] | null;
  processDefinitionId?: string | null;
  processDefinitionKey?: string | null;
  processDefinitionKeyIn?: string[] | null;
  processDefinitionName?: string | null;
  processDefinitionNameLike?: string | null;
  processInstanceBusinessKey?: string | null;
  processInstanceBusinessKeyLike?: string | null;
  rootProcessInstances?: boolean | null;
  finished?: boolean | null;
  unfinished?: boolean | null;
  withIncidents?: boolean | null;
  superProcessInstanceId?: string | null;
  subProcessInstanceId?: string | null;
  startedBy?: string | null;
  startedBefore?: string | null;
  startedAfter?: string | null;
  finishedBefore?: string | null;
  finishedAfter?: string | null;
  tenantIdIn?: string[] | null;
  withoutTenantId?: boolean | null;
  state?: HistoricProcessInstanceState | null;
  activeActivityIdIn?: string[] | null;
  activityIdIn?: string[] | null;
  executedActivityIdIn?: string[] | null;
  variables?: VariableQueryParameterDto[] | null;
  variableNamesIgnoreCase?: boolean | null;
  variableValuesIgnoreCase?: boolean | null;
  sorting?: SortingDto[] | null;
}

/** `GET /history/user-operation` (contract §3.4) */
export interface UserOperationLogEntryDto {
  id: string;
  userId: string;
  timestamp: string;
  operationId: string;
  operationType: string;
  entityType: string;
  category: string;
  annotation: string | null;
  property: string | null;
  orgValue: string | null;
  newValue: string | null;
  deploymentId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  externalTaskId: string | null;
  batchId: string | null;
  jobId: string | null;
  jobDefinitionId: string | null;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}

/**
 * `GET /history/variable-instance` entry (Camunda's `HistoricVariableInstanceDto`): written from
 * history level audit on; `state` is `CREATED`, or `DELETED` once the variable was removed.
 */
export interface HistoricVariableInstanceDto extends VariableValueDto {
  id: string;
  name: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  activityInstanceId: string | null;
  caseDefinitionKey: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  errorMessage: string | null;
  tenantId: string | null;
  state: 'CREATED' | 'DELETED';
  createTime: string;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
}

/**
 * `GET /history/detail` entry of type `variableUpdate` (Camunda's `HistoricVariableUpdateDto`):
 * one per variable write, written only at history level full.
 */
export interface HistoricVariableUpdateDto {
  type: 'variableUpdate';
  id: string;
  processDefinitionKey: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  activityInstanceId: string | null;
  executionId: string | null;
  caseDefinitionKey: string | null;
  caseDefinitionId: string | null;
  caseInstanceId: string | null;
  caseExecutionId: string | null;
  taskId: string | null;
  tenantId: string | null;
  /** The operation log entries of the operation that wrote it share this id. */
  userOperationId: string | null;
  time: string;
  removalTime: string | null;
  rootProcessInstanceId: string | null;
  variableName: string;
  variableInstanceId: string;
  variableType: VariableValueType | null;
  value: unknown;
  valueInfo: Record<string, unknown> | null;
  initial: boolean;
  revision: number;
  errorMessage: string | null;
}

/** `GET /history/activity-instance` entry (Camunda's `HistoricActivityInstanceDto`). */
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
