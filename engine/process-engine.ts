/**
 * The embedded Camunda 7-compatible engine: the `EngineApi` the REST layer and the console's
 * preview use, composed of services as Camunda's `ProcessEngineImpl` is (`RepositoryService`,
 * `RuntimeService`, `TaskService`, `ManagementService`, `HistoryService`, `IdentityService`,
 * `AuthorizationService`), all running their commands on one `CommandExecutor`.
 */
import {
  AuthorizationService,
  type AuthorizationOperation,
} from './authorization/authorization-service';
import { IdentityService, type LoginThrottling } from './authorization/identity-service';
import { Resources } from './authorization/resources';
import type { BatchStatistics } from './batch/batch-runner';
import type { ManyInstancesModification } from './batch/modification-batch';
import { logEntry } from './history/user-operation-log';
import { randomUuid } from './random-uuid';
import type {
  ActivityInstanceTree,
  CorrelateInput,
  CorrelationResult,
  DeleteInstanceOptions,
  DeployInput,
  DeployResult,
  EngineApi,
  EventAuthorization,
  ModificationOptions,
  StartInput,
  VariableView,
} from './engine-api';
import type { ModificationInstruction } from './modification/modification-instruction';
import type { CommitEffects } from './runtime/command-context';
import type { HistoryLevel } from './runtime/history-level';
import type {
  BatchRec,
  DeploymentRec,
  EventSubscriptionRec,
  HistoricActivityInstanceRec,
  HistoricBatchRec,
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
import { TURN_MS } from './runtime/turns';
import { BatchService } from './services/batch-service';
import { CommandExecutor } from './services/command-executor';
import { HistoryService } from './services/history-service';
import { ManagementService } from './services/management-service';
import { RepositoryService } from './services/repository-service';
import { RuntimeService } from './services/runtime-service';
import { TaskService } from './services/task-service';
import type { OrderedIds } from './runtime/sorted-ids';
import type { TypedValue } from './variables';

export interface ProcessEngineOptions {
  clock?: () => number;
  idGenerator?: () => string;
  /** Camunda's `historyLevel` configuration; default `full`, as Camunda Run's. */
  historyLevel?: HistoryLevel;
  /**
   * Camunda's `enforceHistoryTimeToLive` (true in a stock 7.20+ engine): refuse to deploy a
   * process without `camunda:historyTimeToLive`. Default false, as Camunda's own test setup has it.
   */
  enforceHistoryTimeToLive?: boolean;
  /**
   * Camunda's `authorizationEnabled`. Default true: the server serves users with authorizations;
   * false checks nothing and filters no query, as `--no-authorization` runs it.
   */
  authorizationEnabled?: boolean;
  /**
   * Ids of authorizations, apart from `idGenerator` so that the users and authorizations a server
   * starts with do not shift the ids of what the engine runs.
   */
  authorizationIdGenerator?: () => string;
  /** Login throttling of the identity service; default Camunda's settings. */
  loginThrottling?: LoginThrottling;
  /**
   * How long a command that works in turns (`modifyProcessInstanceInTurns`) works before other
   * work runs; default `TURN_MS`. Tests take 0: a turn after every instruction.
   */
  turnMs?: number;
}

export class ProcessEngine implements EngineApi {
  readonly historyLevel: HistoryLevel;
  readonly identityService: IdentityService;
  readonly authorizationService: AuthorizationService;
  readonly repositoryService: RepositoryService;
  readonly runtimeService: RuntimeService;
  readonly taskService: TaskService;
  readonly managementService: ManagementService;
  readonly batchService: BatchService;
  readonly historyService: HistoryService;
  private readonly executor: CommandExecutor;

  constructor(options: ProcessEngineOptions = {}) {
    const clock = options.clock ?? (() => Date.now());
    this.historyLevel = options.historyLevel ?? 'full';
    this.executor = new CommandExecutor({
      clock,
      newId: options.idGenerator ?? randomUuid,
      historyLevel: this.historyLevel,
      turnMs: options.turnMs ?? TURN_MS,
      afterCommit: (effects) => {
        this.afterCommit(effects);
      },
    });
    this.identityService = new IdentityService(clock, options.loginThrottling);
    this.authorizationService = new AuthorizationService(
      options.authorizationEnabled ?? true,
      options.authorizationIdGenerator ?? randomUuid,
      (operation) => {
        this.logAuthorizationOperation(operation);
      },
    );
    this.repositoryService = new RepositoryService(
      this.executor,
      options.enforceHistoryTimeToLive ?? false,
    );
    this.runtimeService = new RuntimeService(this.executor);
    this.taskService = new TaskService(this.executor);
    this.managementService = new ManagementService(this.executor);
    this.batchService = new BatchService(this.executor);
    this.historyService = new HistoryService(this.executor);
  }

  now(): number {
    return this.executor.clock();
  }

  /** `UserOperationLogManager.logAuthorizationOperation`: category Admin, one operation id. */
  private logAuthorizationOperation(operation: AuthorizationOperation): void {
    this.executor.run({ userId: operation.userId }, (rt) => {
      const operationId = this.executor.newId();
      for (const change of operation.changes) {
        rt.ctx.log(
          logEntry(this.executor, {
            operationId,
            userId: operation.userId,
            operationType: operation.operationType,
            entityType: 'Authorization',
            category: 'Admin',
            ...change,
          }),
        );
      }
    });
  }

  /** The default authorizations Camunda's providers give and take as instances and tasks come and go. */
  private afterCommit(effects: CommitEffects): void {
    const authorizations = this.authorizationService;
    for (const id of effects.endedInstanceIds) {
      authorizations.deleteAuthorizationsByResourceId(Resources.PROCESS_INSTANCE, id);
    }
    for (const id of effects.endedTaskIds) {
      authorizations.deleteAuthorizationsByResourceId(Resources.TASK, id);
    }
    for (const task of effects.createdTasks) {
      for (const userId of task.candidateUsers) {
        authorizations.grantTaskToIdentity(task.id, { userId });
      }
      for (const groupId of task.candidateGroups) {
        authorizations.grantTaskToIdentity(task.id, { groupId });
      }
    }
    for (const { taskId, assignee } of effects.assignments) {
      authorizations.grantTaskToIdentity(taskId, { userId: assignee });
    }
  }

  // deployments and definitions
  deploy(input: DeployInput): Promise<DeployResult> {
    return this.repositoryService.deploy(input);
  }

  deleteDeployment(
    id: string,
    options: { cascade?: boolean; skipCustomListeners?: boolean; skipIoMappings?: boolean },
  ): void {
    this.repositoryService.deleteDeployment(id, options);
  }

  deployments(): Iterable<DeploymentRec> {
    return this.repositoryService.deployments();
  }

  deployment(id: string): DeploymentRec | undefined {
    return this.repositoryService.deployment(id);
  }

  definitions(): Iterable<ProcessDefinitionRec> {
    return this.repositoryService.definitions();
  }

  definition(id: string): ProcessDefinitionRec | undefined {
    return this.repositoryService.definition(id);
  }

  latestDefinition(key: string, tenantId: string | null = null): ProcessDefinitionRec | undefined {
    return this.repositoryService.latestDefinition(key, tenantId);
  }

  definitionXml(id: string): string | undefined {
    return this.repositoryService.definitionXml(id);
  }

  // process instances
  startProcessInstance(
    definitionId: string,
    input: StartInput,
  ): ReturnType<EngineApi['startProcessInstance']> {
    return this.runtimeService.startProcessInstance(definitionId, input);
  }

  startProcessInstanceInTurns(
    definitionId: string,
    input: StartInput,
  ): Promise<ReturnType<EngineApi['startProcessInstance']>> {
    return this.runtimeService.startProcessInstanceInTurns(definitionId, input);
  }

  deleteProcessInstance(id: string, options: DeleteInstanceOptions): void {
    this.runtimeService.deleteProcessInstance(id, options);
  }

  modifyProcessInstance(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): void {
    this.runtimeService.modifyProcessInstance(id, instructions, options);
  }

  modifyProcessInstanceInTurns(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): Promise<void> {
    return this.runtimeService.modifyProcessInstanceInTurns(id, instructions, options);
  }

  instances(): Iterable<ProcessInstanceState> {
    return this.runtimeService.instances();
  }

  instance(id: string): ProcessInstanceState | undefined {
    return this.runtimeService.instance(id);
  }

  instancesVersion(): object {
    return this.runtimeService.instancesVersion();
  }

  instanceIdsInOrder(processDefinitionId?: string): OrderedIds {
    return this.runtimeService.instanceIdsInOrder(processDefinitionId);
  }

  activityInstanceTree(id: string): ActivityInstanceTree | undefined {
    return this.runtimeService.activityInstanceTree(id);
  }

  setProcessInstanceSuspended(id: string, suspended: boolean): void {
    this.runtimeService.setProcessInstanceSuspended(id, suspended);
  }

  // messages and signals
  correlateMessage(input: CorrelateInput): CorrelationResult[] {
    return this.runtimeService.correlateMessage(input);
  }

  throwSignal(
    name: string,
    variables: Record<string, TypedValue>,
    authorize?: EventAuthorization,
  ): void {
    this.runtimeService.throwSignal(name, variables, authorize);
  }

  // variables
  localVariables(executionId: string): Record<string, VariableRec> | undefined {
    return this.runtimeService.localVariables(executionId);
  }

  processVariables(processInstanceId: string): Record<string, VariableRec> | undefined {
    return this.runtimeService.processVariables(processInstanceId);
  }

  taskVariables(taskId: string): Record<string, VariableRec> | undefined {
    return this.taskService.taskVariables(taskId);
  }

  setProcessVariables(
    processInstanceId: string,
    variables: Record<string, TypedValue>,
    deletions: string[] = [],
  ): void {
    this.runtimeService.setProcessVariables(processInstanceId, variables, deletions);
  }

  variableInstances(): Iterable<VariableView> {
    return this.runtimeService.variableInstances();
  }

  // tasks
  tasks(): Iterable<TaskRec> {
    return this.taskService.tasks();
  }

  task(id: string): TaskRec | undefined {
    return this.taskService.task(id);
  }

  completeTask(
    id: string,
    variables: Record<string, TypedValue>,
    userId: string | null = null,
  ): void {
    this.taskService.completeTask(id, variables, userId);
  }

  setTaskAssignee(id: string, assignee: string | null): void {
    this.taskService.setTaskAssignee(id, assignee);
  }

  // jobs
  jobs(): Iterable<JobRec> {
    return this.managementService.jobs();
  }

  job(id: string): JobRec | undefined {
    return this.managementService.job(id);
  }

  executeJob(id: string): void {
    this.managementService.executeJob(id);
  }

  setJobRetries(id: string, retries: number): void {
    this.managementService.setJobRetries(id, retries);
  }

  setJobDefinitionRetries(jobDefinitionId: string, retries: number): void {
    this.managementService.setJobDefinitionRetries(jobDefinitionId, retries);
  }

  setJobRetriesAsync(
    jobIds: string[],
    retries: number,
    userId: string | null = null,
    authorize?: () => void,
  ): BatchRec {
    return this.managementService.setJobRetriesAsync(jobIds, retries, userId, authorize);
  }

  jobDefinitions(): Iterable<JobDefinitionRec> {
    return this.managementService.jobDefinitions();
  }

  jobDefinition(id: string): JobDefinitionRec | undefined {
    return this.managementService.jobDefinition(id);
  }

  acquireJob(): JobRec | undefined {
    return this.managementService.acquireJob();
  }

  // other runtime data
  eventSubscriptions(): Iterable<EventSubscriptionRec> {
    return this.runtimeService.eventSubscriptions();
  }

  incidents(): Iterable<IncidentRec> {
    return this.runtimeService.incidents();
  }

  // many instances and batches
  executeModification(input: ManyInstancesModification): void {
    this.runtimeService.executeModification(input);
  }

  executeModificationInTurns(input: ManyInstancesModification): Promise<void> {
    return this.runtimeService.executeModificationInTurns(input);
  }

  executeModificationAsync(input: ManyInstancesModification): BatchRec {
    return this.runtimeService.executeModificationAsync(input);
  }

  modifyProcessInstanceAsync(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): BatchRec {
    return this.runtimeService.modifyProcessInstanceAsync(id, instructions, options);
  }

  batches(): Iterable<BatchRec> {
    return this.batchService.batches();
  }

  batch(id: string): BatchRec | undefined {
    return this.batchService.batch(id);
  }

  batchStatistics(batch: BatchRec): BatchStatistics {
    return this.batchService.batchStatistics(batch);
  }

  setBatchSuspended(id: string, suspended: boolean, userId: string | null = null): void {
    this.batchService.setBatchSuspended(id, suspended, userId);
  }

  deleteBatch(id: string, cascade: boolean, userId: string | null = null): void {
    this.batchService.deleteBatch(id, cascade, userId);
  }

  historicBatches(): Iterable<HistoricBatchRec> {
    return this.historyService.historicBatches();
  }

  historicBatch(id: string): HistoricBatchRec | undefined {
    return this.historyService.historicBatch(id);
  }

  deleteHistoricBatch(id: string, userId: string | null = null): void {
    this.historyService.deleteHistoricBatch(id, userId);
  }

  setOperationAnnotation(
    operationId: string,
    annotation: string | null,
    userId: string | null = null,
  ): void {
    this.historyService.setOperationAnnotation(operationId, annotation, userId);
  }

  // history
  historicProcessInstances(): Iterable<HistoricProcessInstanceRec> {
    return this.historyService.historicProcessInstances();
  }

  historicProcessInstance(id: string): HistoricProcessInstanceRec | undefined {
    return this.historyService.historicProcessInstance(id);
  }

  historicActivityInstances(): Iterable<HistoricActivityInstanceRec> {
    return this.historyService.historicActivityInstances();
  }

  historicVariableInstances(): Iterable<HistoricVariableInstanceRec> {
    return this.historyService.historicVariableInstances();
  }

  historicDetails(): Iterable<HistoricVariableUpdateRec> {
    return this.historyService.historicDetails();
  }

  historicIncidents(): Iterable<HistoricIncidentRec> {
    return this.historyService.historicIncidents();
  }

  userOperationLog(): Iterable<UserOperationLogRec> {
    return this.historyService.userOperationLog();
  }
}
