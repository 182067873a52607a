/**
 * The engine's public surface: what the REST layer (server/) and the console's preview use.
 * Records are returned read-only; mutate only through the commands.
 */
import type { AuthorizationService } from './authorization/authorization-service';
import type { IdentityService } from './authorization/identity-service';
import type { BatchStatistics } from './batch/batch-runner';
import type { ManyInstancesModification } from './batch/modification-batch';
import type {
  BatchRec,
  DeploymentRec,
  HistoricBatchRec,
  EventSubscriptionRec,
  HistoricActivityInstanceRec,
  HistoricIncidentRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  IncidentRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  UserOperationLogRec,
  VariableRec,
} from './runtime/state';
import type { ModificationInstruction } from './modification/modification-instruction';
import type { OrderedIds } from './runtime/sorted-ids';
import type { TypedValue } from './variables';

export interface ModificationOptions {
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  annotation?: string | null;
  /** The authenticated user; operation log entries are written only when set. */
  userId?: string | null;
  /**
   * The user's permission check, made inside the command once the instance is found, where
   * Camunda's command makes it (`checkUpdateProcessInstance`, or `checkCreateBatch` for a batch).
   */
  authorize?: (instance: ProcessInstanceState) => void;
  /**
   * The user's check before an instance the instructions left empty is cancelled
   * (`checkDeleteProcessInstance` in `ModifyProcessInstanceCmd`); not made for a batch.
   */
  authorizeCancellation?: (instance: ProcessInstanceState) => void;
}

export interface DeployInput {
  name?: string | null;
  source?: string | null;
  tenantId?: string | null;
  enableDuplicateFiltering?: boolean;
  deployChangedOnly?: boolean;
  resources: { name: string; content: string }[];
}

export interface DeployResult {
  deployment: DeploymentRec;
  definitions: ProcessDefinitionRec[];
}

export interface StartInput {
  businessKey?: string | null;
  variables?: Record<string, TypedValue>;
  /** Start at these elements instead of the start event (only start* types). */
  startInstructions?: ModificationInstruction[];
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  userId?: string | null;
}

export interface CorrelateInput {
  messageName: string;
  businessKey?: string | null;
  processInstanceId?: string | null;
  processDefinitionId?: string | null;
  correlationKeys?: Record<string, TypedValue>;
  localCorrelationKeys?: Record<string, TypedValue>;
  processVariables?: Record<string, TypedValue>;
  processVariablesLocal?: Record<string, TypedValue>;
  all?: boolean;
  startMessagesOnly?: boolean;
  /** The user's checks of each correlation result (CorrelateMessageCmd.checkAuthorization). */
  authorize?: EventAuthorization;
}

/**
 * The user's checks of what a message or signal reaches: `checkUpdateProcessInstanceById` for a
 * waiting instance, `checkCreateProcessInstance` for a start event.
 */
export interface EventAuthorization {
  instance: (instance: ProcessInstanceState) => void;
  start: (definition: ProcessDefinitionRec) => void;
}

export interface CorrelationResult {
  resultType: 'Execution' | 'ProcessDefinition';
  processInstanceId: string;
  executionId: string | null;
}

export interface DeleteInstanceOptions {
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  skipSubprocesses?: boolean;
  deleteReason?: string | null;
  userId?: string | null;
}

/** A variable visible from some scope, with where it lives. */
export interface VariableView extends VariableRec {
  processInstanceId: string;
  executionId: string;
  activityInstanceId: string;
  processDefinitionId: string;
  taskId: string | null;
}

export interface EngineApi {
  /** Users, groups and memberships, and password checks with Camunda's login throttling. */
  readonly identityService: IdentityService;
  /** Authorizations and their checks; `enabled` is Camunda's `authorizationEnabled`. */
  readonly authorizationService: AuthorizationService;

  // deployments and definitions
  /** Parses and deploys; rejects with a ParseException (400) naming the unsupported element. */
  deploy(input: DeployInput): Promise<DeployResult>;
  deleteDeployment(
    id: string,
    options: { cascade?: boolean; skipCustomListeners?: boolean; skipIoMappings?: boolean },
  ): void;
  deployments(): Iterable<DeploymentRec>;
  deployment(id: string): DeploymentRec | undefined;
  definitions(): Iterable<ProcessDefinitionRec>;
  definition(id: string): ProcessDefinitionRec | undefined;
  /** The latest version of the definition with this key (and tenant). */
  latestDefinition(key: string, tenantId?: string | null): ProcessDefinitionRec | undefined;
  /** The BPMN XML the definition was deployed from. */
  definitionXml(id: string): string | undefined;

  // process instances
  startProcessInstance(
    definitionId: string,
    input: StartInput,
  ):
    | ProcessInstanceState
    | { id: string; ended: true; processDefinitionId: string; businessKey: string | null };
  /** `startProcessInstance` for a request: other requests are answered between start instructions. */
  startProcessInstanceInTurns(
    definitionId: string,
    input: StartInput,
  ): Promise<ReturnType<EngineApi['startProcessInstance']>>;
  deleteProcessInstance(id: string, options: DeleteInstanceOptions): void;
  modifyProcessInstance(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): void;
  /**
   * `modifyProcessInstance` for a request: other requests are answered while it works through
   * many instructions; another command's change to the instance meanwhile fails it with
   * `OptimisticLockingException`.
   */
  modifyProcessInstanceInTurns(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): Promise<void>;
  instances(): Iterable<ProcessInstanceState>;
  instance(id: string): ProcessInstanceState | undefined;
  /**
   * Replaced whenever an instance starts, changes or ends: what was computed from `instances()`
   * holds while this stays the same object.
   */
  instancesVersion(): object;
  /**
   * The running instances' ids in code unit order (Camunda's `order by RES.ID_`), of one
   * definition or of all; null where what `instances()` holds is not simply all of them.
   */
  instanceIdsInOrder(processDefinitionId?: string): OrderedIds | null;
  /** The activity instance tree as Camunda's `GetActivityInstanceCmd` reports it; undefined if not running. */
  activityInstanceTree(id: string): ActivityInstanceTree | undefined;
  setProcessInstanceSuspended(id: string, suspended: boolean): void;

  // messages
  correlateMessage(input: CorrelateInput): CorrelationResult[];
  /** `POST /signal`: broadcast a signal to all subscriptions. */
  throwSignal(
    name: string,
    variables: Record<string, TypedValue>,
    authorize?: EventAuthorization,
  ): void;

  // variables
  /** Variables of one execution / activity instance scope (local only), or undefined when unknown. */
  localVariables(executionId: string): Record<string, VariableRec> | undefined;
  /** Process-instance-scope variables (`GET /process-instance/{id}/variables`). */
  processVariables(processInstanceId: string): Record<string, VariableRec> | undefined;
  /** Variables visible from a task: task-local, then every scope up to the process instance. */
  taskVariables(taskId: string): Record<string, VariableRec> | undefined;
  setProcessVariables(
    processInstanceId: string,
    variables: Record<string, TypedValue>,
    deletions?: string[],
  ): void;
  /** Every variable instance in the engine, with where it lives. */
  variableInstances(): Iterable<VariableView>;

  // tasks
  tasks(): Iterable<TaskRec>;
  task(id: string): TaskRec | undefined;
  completeTask(id: string, variables: Record<string, TypedValue>, userId?: string | null): void;
  setTaskAssignee(id: string, assignee: string | null): void;

  // jobs
  jobs(): Iterable<JobRec>;
  job(id: string): JobRec | undefined;
  /** Runs one job now. Throws the job's failure after recording it (retries − 1, exception). */
  executeJob(id: string): void;
  setJobRetries(id: string, retries: number): void;
  /** Sets retries of every job of the definition that has none left (`SetJobRetriesCmd` by job definition). */
  setJobDefinitionRetries(jobDefinitionId: string, retries: number): void;
  /** `POST /job/retries`: a `set-job-retries` batch over the given jobs. */
  setJobRetriesAsync(
    jobIds: string[],
    retries: number,
    userId?: string | null,
    authorize?: () => void,
  ): BatchRec;
  jobDefinitions(): Iterable<JobDefinitionRec>;
  jobDefinition(id: string): JobDefinitionRec | undefined;
  /** The next job the executor should run, if one is due now. */
  acquireJob(): JobRec | undefined;

  // other runtime data
  eventSubscriptions(): Iterable<EventSubscriptionRec>;
  incidents(): Iterable<IncidentRec>;

  // many instances and batches
  /** `POST /modification/execute`: `ProcessInstanceModificationCmd`'s checks and one transaction. */
  executeModification(input: ManyInstancesModification): void;
  /** `executeModification` for a request: other requests are answered between instances. */
  executeModificationInTurns(input: ManyInstancesModification): Promise<void>;
  /** `POST /modification/executeAsync`: validation, then a batch. */
  executeModificationAsync(input: ManyInstancesModification): BatchRec;
  /** `POST /process-instance/{id}/modification-async`. */
  modifyProcessInstanceAsync(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): BatchRec;
  batches(): Iterable<BatchRec>;
  batch(id: string): BatchRec | undefined;
  batchStatistics(batch: BatchRec): BatchStatistics;
  setBatchSuspended(id: string, suspended: boolean, userId?: string | null): void;
  deleteBatch(id: string, cascade: boolean, userId?: string | null): void;
  historicBatches(): Iterable<HistoricBatchRec>;
  historicBatch(id: string): HistoricBatchRec | undefined;
  deleteHistoricBatch(id: string, userId?: string | null): void;
  /** Sets, or with null clears, the annotation of all entries of an operation. */
  setOperationAnnotation(
    operationId: string,
    annotation: string | null,
    userId?: string | null,
  ): void;

  // history
  historicProcessInstances(): Iterable<HistoricProcessInstanceRec>;
  historicProcessInstance(id: string): HistoricProcessInstanceRec | undefined;
  historicActivityInstances(): Iterable<HistoricActivityInstanceRec>;
  /** Historic variable instances (history level audit and above). */
  historicVariableInstances(): Iterable<HistoricVariableInstanceRec>;
  /** Historic details: one variable update per write (history level full). */
  historicDetails(): Iterable<HistoricVariableUpdateRec>;
  /** Historic incidents, resolved and deleted ones included (history level full). */
  historicIncidents(): Iterable<HistoricIncidentRec>;
  userOperationLog(): Iterable<UserOperationLogRec>;

  /** The engine's clock (epoch ms). */
  now(): number;
}

/** The shape of Camunda's REST `ActivityInstanceDto`, with the engine's records. */
export interface ActivityInstanceTree {
  id: string;
  parentActivityInstanceId: string | null;
  activityId: string;
  activityType: string;
  activityName: string | null;
  name: string | null;
  processInstanceId: string;
  processDefinitionId: string;
  executionIds: string[];
  incidentIds: string[];
  incidents: { id: string; activityId: string }[];
  childActivityInstances: ActivityInstanceTree[];
  childTransitionInstances: TransitionInstanceTree[];
}

export interface TransitionInstanceTree {
  id: string;
  parentActivityInstanceId: string;
  activityId: string;
  targetActivityId: string;
  activityName: string | null;
  activityType: string;
  processInstanceId: string;
  processDefinitionId: string;
  executionId: string;
  incidentIds: string[];
  incidents: { id: string; activityId: string }[];
}
