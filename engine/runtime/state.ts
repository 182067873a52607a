/**
 * The engine's runtime and history records. Plain, serialisable data: a command works on copies of
 * the process instances it touches and commits them at the end, so a failure changes nothing
 * (Camunda runs each command in one transaction, `CommandContextInterceptor`).
 * Times are epoch milliseconds; the REST layer formats them.
 */
import type { ModificationInstruction } from '../modification/modification-instruction';
import type { ProcessModel } from '../model/process-model';
import type { TypedValue } from '../variables';

export interface DeploymentResource {
  id: string;
  name: string;
  content: string;
}

export interface DeploymentRec {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: number;
  resources: DeploymentResource[];
}

export interface ProcessDefinitionRec {
  /** `<key>:<version>:<uuid>`, as Camunda forms it. */
  id: string;
  key: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  deploymentId: string;
  resourceName: string;
  historyTimeToLive: number | null;
  suspended: boolean;
  tenantId: string | null;
  category: string;
  model: ProcessModel;
}

export interface VariableRec {
  id: string;
  name: string;
  value: TypedValue;
  createTime: number;
}

/**
 * An activity instance. The root one has `id` = process instance id and `activityId` = the process
 * definition id. A multi-instance body has `activityId` `<id>#multiInstanceBody`.
 */
export interface ActivityInstanceRec {
  id: string;
  activityId: string;
  parentId: string | null;
  executionId: string;
  /** Order of creation; children are listed in this order. */
  seq: number;
  startTime: number;
  /** Children (activity and transition instance ids) live in the instance's maps; see parentId. */
  /** Its local variables; absent while there are none (most scopes never have any). */
  variables?: Record<string, VariableRec>;
  /** Called process instance of a call activity instance. */
  calledProcessInstanceId: string | null;
  /** Waiting join (parallel/inclusive gateway) instances are kept until the join fires. */
  joinWaiting: boolean;
  /** Id of the historic activity instance (equal to `id`). */
}

/**
 * A token waiting in an async continuation: before entering `activityId` (asyncBefore) or after
 * leaving it (asyncAfter). Its id is an execution id, as
 * `GetActivityInstanceCmd.createTransitionInstance` gives it the execution's id.
 */
export interface TransitionInstanceRec {
  id: string;
  activityId: string;
  parentId: string;
  seq: number;
  kind: 'before' | 'after';
  /** asyncAfter: the sequence flow to take when the job runs (null: all outgoing flows). */
  transitionId: string | null;
  /** Variables of the waiting execution; absent while there are none. */
  variables?: Record<string, VariableRec>;
  startTime: number;
}

export interface TaskRec {
  id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  created: number;
  due: number | null;
  followUp: number | null;
  priority: number;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  activityInstanceId: string;
  suspended: boolean;
  tenantId: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  /** Task-local variables; absent while there are none. */
  variables?: Record<string, VariableRec>;
}

export type JobHandlerType =
  | 'async-continuation'
  | 'timer-transition'
  | 'timer-intermediate-transition'
  | 'timer-start-event'
  | 'timer-start-event-subprocess'
  | 'batch-seed-job'
  | 'batch-monitor-job'
  | 'instance-modification'
  | 'set-job-retries';

export interface JobRec {
  id: string;
  jobDefinitionId: string | null;
  handlerType: JobHandlerType;
  /** async-continuation: 'async-before' | 'async-after'; timers: the activity id; batches: batch id. */
  handlerConfiguration: string;
  /** null for definition-level timers and batch jobs. */
  processInstanceId: string | null;
  executionId: string | null;
  /** Activity instance or transition instance the job belongs to. */
  activityInstanceId: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  deploymentId: string | null;
  activityId: string | null;
  retries: number;
  exceptionMessage: string | null;
  stacktrace: string | null;
  failedActivityId: string | null;
  dueDate: number | null;
  /** Timer cycles: the remaining repeat definition. */
  repeat: string | null;
  suspended: boolean;
  priority: number;
  tenantId: string | null;
  createTime: number;
  batchId: string | null;
  /** Creation order, for fair execution. */
  seq: number;
}

export interface JobDefinitionRec {
  id: string;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  deploymentId: string | null;
  activityId: string | null;
  jobType: string;
  jobConfiguration: string;
  suspended: boolean;
  overridingJobPriority: number | null;
  tenantId: string | null;
}

export interface EventSubscriptionRec {
  id: string;
  eventType: 'message' | 'signal' | 'conditional' | 'compensate';
  eventName: string | null;
  /** null for definition-level (start event) subscriptions. */
  processInstanceId: string | null;
  executionId: string | null;
  /** The activity instance whose scope owns it (for event subprocess starts: the scope instance). */
  activityInstanceId: string | null;
  /** The catching element. */
  activityId: string;
  processDefinitionId: string;
  createdDate: number;
  tenantId: string | null;
}

export interface IncidentRec {
  id: string;
  incidentType: string;
  incidentTimestamp: number;
  incidentMessage: string | null;
  processDefinitionId: string | null;
  processInstanceId: string | null;
  executionId: string | null;
  activityId: string | null;
  failedActivityId: string | null;
  /** The job id for `failedJob` incidents. */
  configuration: string;
  jobDefinitionId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  tenantId: string | null;
  annotation: string | null;
}

export interface ProcessInstanceState {
  id: string;
  processDefinitionId: string;
  businessKey: string | null;
  superProcessInstanceId: string | null;
  /** The caller's call activity instance. */
  superActivityInstanceId: string | null;
  rootProcessInstanceId: string;
  startTime: number;
  suspended: boolean;
  tenantId: string | null;
  activityInstances: Record<string, ActivityInstanceRec>;
  transitionInstances: Record<string, TransitionInstanceRec>;
  tasks: Record<string, TaskRec>;
  jobs: Record<string, JobRec>;
  eventSubscriptions: Record<string, EventSubscriptionRec>;
  incidents: Record<string, IncidentRec>;
}

export type HistoricProcessInstanceState =
  'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';

export interface HistoricProcessInstanceRec {
  id: string;
  businessKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  startTime: number;
  endTime: number | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
  rootProcessInstanceId: string;
  superProcessInstanceId: string | null;
  tenantId: string | null;
  state: HistoricProcessInstanceState;
}

export interface HistoricActivityInstanceRec {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityName: string | null;
  activityType: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  taskId: string | null;
  calledProcessInstanceId: string | null;
  assignee: string | null;
  startTime: number;
  endTime: number | null;
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  rootProcessInstanceId: string;
  seq: number;
}

/**
 * A historic variable instance (history level audit and above): one per variable instance, kept
 * after its scope ends. Camunda marks it DELETED only when the variable is removed explicitly
 * (VariableInstanceHistoryListener.onDelete); a scope that ends keeps its variables CREATED.
 */
export interface HistoricVariableInstanceRec {
  /** The id of the runtime variable instance. */
  id: string;
  name: string;
  value: TypedValue;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  executionId: string;
  /** The activity instance whose scope holds the variable (the process instance for globals). */
  activityInstanceId: string;
  taskId: string | null;
  tenantId: string | null;
  state: 'CREATED' | 'DELETED';
  createTime: number;
  rootProcessInstanceId: string;
  /** The runtime variable's revision: one more for every later command that changed it. */
  revision: number;
}

/** A historic detail of type variable update (history level full): one per variable write. */
export interface HistoricVariableUpdateRec {
  id: string;
  variableInstanceId: string;
  variableName: string;
  value: TypedValue;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceId: string;
  /** The activity instance whose execution wrote the variable. */
  activityInstanceId: string;
  executionId: string;
  taskId: string | null;
  tenantId: string | null;
  /** The operation log id of the command that wrote it, when that command wrote a log entry. */
  userOperationId: string | null;
  time: number;
  rootProcessInstanceId: string;
  /** Set on the variables a process instance is started with. */
  initial: boolean;
  revision: number;
  seq: number;
}

/** Camunda's `IncidentState`: open (`DEFAULT`, code 0), resolved (1) or deleted (2). */
export type HistoricIncidentState = 'open' | 'resolved' | 'deleted';

/**
 * A historic incident (history level full, `HistoricIncidentEntity`): what the incident held when
 * it was last seen, and how it ended. Camunda keeps the row after the incident is resolved or
 * deleted, and its process instance query's `activityIdIn` reads it (`ACT_HI_INCIDENT.ACTIVITY_ID_`).
 */
export interface HistoricIncidentRec {
  id: string;
  /** Null, as the definition below, for the incident of a batch's job (`failedJob`). */
  processInstanceId: string | null;
  processDefinitionId: string | null;
  activityId: string | null;
  processDefinitionKey: string | null;
  executionId: string | null;
  rootProcessInstanceId: string | null;
  createTime: number;
  endTime: number | null;
  incidentType: string;
  incidentMessage: string | null;
  failedActivityId: string | null;
  causeIncidentId: string;
  rootCauseIncidentId: string;
  configuration: string;
  jobDefinitionId: string | null;
  tenantId: string | null;
  annotation: string | null;
  state: HistoricIncidentState;
}

export interface UserOperationLogRec {
  id: string;
  operationId: string;
  userId: string;
  timestamp: number;
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
  taskId: string | null;
  jobId: string | null;
  jobDefinitionId: string | null;
  batchId: string | null;
  rootProcessInstanceId: string | null;
}

/**
 * What a modification batch stores about its work: like Camunda's
 * `ModificationBatchConfigurationJsonConverter`, no instruction variables.
 */
export interface ModificationBatchConfiguration {
  kind: 'instance-modification';
  processDefinitionId: string;
  processInstanceIds: string[];
  instructions: ModificationInstruction[];
  skipCustomListeners: boolean;
  skipIoMappings: boolean;
}

/** `POST /job/retries`: the jobs and the retries to set. */
export interface SetJobRetriesBatchConfiguration {
  kind: 'set-job-retries';
  jobIds: string[];
  retries: number;
}

export type BatchConfiguration = ModificationBatchConfiguration | SetJobRetriesBatchConfiguration;

export interface BatchRec {
  id: string;
  type: string;
  totalJobs: number;
  jobsCreated: number;
  batchJobsPerSeed: number;
  invocationsPerBatchJob: number;
  seedJobDefinitionId: string;
  monitorJobDefinitionId: string;
  batchJobDefinitionId: string;
  suspended: boolean;
  tenantId: string | null;
  createUserId: string | null;
  startTime: number;
  executionStartTime: number | null;
  deploymentId: string | null;
  configuration: BatchConfiguration;
}

export interface HistoricBatchRec {
  id: string;
  type: string;
  totalJobs: number;
  batchJobsPerSeed: number;
  invocationsPerBatchJob: number;
  seedJobDefinitionId: string;
  monitorJobDefinitionId: string;
  batchJobDefinitionId: string;
  tenantId: string | null;
  createUserId: string | null;
  startTime: number;
  executionStartTime: number | null;
  endTime: number | null;
  removalTime: number | null;
}
