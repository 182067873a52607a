/**
 * One command's view of the engine: copies of the process instances it touches, pending history
 * and operation-log writes. `commit()` publishes them; dropping the context rolls everything back,
 * which is how a failing instruction or job leaves no trace: Camunda runs each command in one
 * transaction (`CommandContextInterceptor`), and a failed job's changes are rolled back while
 * `FailedJobListener` records the failure.
 */
import { OptimisticLockingException } from '../errors';
import type { EngineStore } from './engine-store';
import type { HistoryKind, HistoryLevel } from './history-level';
import { isHistoryProduced } from './history-level';
import type {
  BatchRec,
  EventSubscriptionRec,
  HistoricBatchRec,
  IncidentRec,
  HistoricActivityInstanceRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  UserOperationLogRec,
} from './state';

export interface CommandOptions {
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  userId?: string | null;
  /** The engine's history level; default full. */
  historyLevel?: HistoryLevel;
  /** The engine's clock, for when history says something ended; default the system's. */
  clock?: () => number;
}

/** A variable write as history records it (`DefaultHistoryEventProducer.createHistoricVariableEvent`). */
export type VariableHistoryEvent = Omit<HistoricVariableInstanceRec, 'state' | 'revision'> & {
  event: 'create' | 'update' | 'delete';
  /** Gives the historic detail its id, when one is written. */
  newDetailId: () => string;
  /** The activity instance whose execution wrote it (the detail's activityInstanceId). */
  sourceActivityInstanceId: string;
  initial: boolean;
  time: number;
};

/**
 * What a commit started and ended that Camunda's authorization providers react to: a process
 * instance's authorizations go when it ends (ExecutionManager.deleteExecution), a task's when it
 * ends (TaskManager.deleteTask); a task's assignee and candidates get authorizations on it
 * (TaskEntity.fireAssigneeAuthorizationProvider, fireAddIdentityLinkAuthorizationProvider).
 */
export interface CommitEffects {
  endedInstanceIds: string[];
  endedTaskIds: string[];
  /** Tasks created by the command, with the candidate users and groups their model gave them. */
  createdTasks: TaskRec[];
  /** Tasks whose assignee became someone: created with one, claimed or set. */
  assignments: { taskId: string; assignee: string }[];
}

export class CommandContext {
  readonly skipCustomListeners: boolean;
  readonly skipIoMappings: boolean;
  readonly userId: string | null;
  readonly historyLevel: HistoryLevel;
  private readonly clock: () => number;
  /** Jobs this command ran to their end: their failedJob incidents end resolved. */
  private readonly executedJobs = new Set<string>();
  /** Job definitions whose historic incidents go at commit (a batch deleted with its history). */
  private readonly historicIncidentsDropped = new Set<string>();
  private readonly working = new Map<string, ProcessInstanceState>();
  private readonly ended = new Set<string>();
  private readonly historicProcessInstances = new Map<string, HistoricProcessInstanceRec>();
  private readonly historicActivityInstances = new Map<string, HistoricActivityInstanceRec>();
  private readonly operationLog: UserOperationLogRec[] = [];
  private readonly historicVariableInstances = new Map<string, HistoricVariableInstanceRec>();
  private readonly historicDetails: HistoricVariableUpdateRec[] = [];
  /** Variables this command already changed: its later changes keep their revision (one flush). */
  private readonly changedVariables = new Set<string>();
  private globalJobsCopy: Map<string, JobRec> | undefined;
  private globalSubscriptionsCopy: Map<string, EventSubscriptionRec> | undefined;
  private jobDefinitionsCopy: Map<string, JobDefinitionRec> | undefined;
  private batchesCopy: Map<string, BatchRec> | undefined;
  private historicBatchesCopy: Map<string, HistoricBatchRec> | undefined;
  private globalIncidentsCopy: Map<string, IncidentRec> | undefined;
  /**
   * One check per committed record this command copied: whether the store still holds it. A
   * command that lets other commands run before it commits (engine/runtime/turns.ts) must not
   * overwrite what they committed meanwhile.
   */
  private readonly copiedFrom: (() => boolean)[] = [];
  /**
   * Instances under modification: an empty root is kept until the last instruction, as
   * `ModifyProcessInstanceCmd` sets `preserveScope` on the process instance.
   */
  readonly preserved = new Set<string>();
  /** Why a preserved root became empty: the last reason wins. */
  readonly rootEmptied = new Map<string, 'completed' | 'cancelled'>();
  /** Tokens about to be created in a scope instance; the scope must not complete meanwhile. */
  readonly pendingTokens = new Map<string, number>();
  /** Set while a called instance is cancelled by its caller, so it does not cancel back. */
  readonly cancellingFromCaller = new Set<string>();

  constructor(
    private readonly store: EngineStore,
    options: CommandOptions = {},
  ) {
    this.skipCustomListeners = options.skipCustomListeners ?? false;
    this.skipIoMappings = options.skipIoMappings ?? false;
    this.userId = options.userId ?? null;
    this.historyLevel = options.historyLevel ?? 'full';
    this.clock = options.clock ?? Date.now;
  }

  /**
   * A job ran without failing. `JobEntity.delete(incidentResolved = true)` then resolves its
   * failedJob incident; a job removed any other way (its activity cancelled, its instance
   * deleted) deletes it.
   */
  jobExecuted(jobId: string): void {
    this.executedJobs.add(jobId);
    // A job outside any instance (a batch's) takes its incident along, resolved; most commands
    // find none, and copy nothing.
    for (const incident of (this.globalIncidentsCopy ?? this.store.globalIncidents).values()) {
      if (incident.configuration === jobId) {
        this.globalIncidents().delete(incident.id);
      }
    }
  }

  /**
   * Deletes the historic incidents of these job definitions, once this command's own incident
   * history is written: `BatchEntity.delete(cascadeToHistory)` and `HistoricBatchEntity.delete`
   * call `deleteHistoricIncidentsByJobDefinitionId` for a batch's seed, monitor and batch jobs.
   */
  deleteHistoricIncidentsOfJobDefinitions(jobDefinitionIds: Iterable<string>): void {
    for (const id of jobDefinitionIds) {
      this.historicIncidentsDropped.add(id);
    }
  }

  /** Camunda's `HistoryLevel.isHistoryEventProduced`: whether this kind of history is written. */
  producesHistory(kind: HistoryKind): boolean {
    return isHistoryProduced(this.historyLevel, kind);
  }

  nextSeq(): number {
    this.store.seq += 1;
    return this.store.seq;
  }

  definition(id: string): ProcessDefinitionRec | undefined {
    return this.store.definitions.get(id);
  }

  latestDefinition(key: string): ProcessDefinitionRec | undefined {
    let latest: ProcessDefinitionRec | undefined;
    for (const definition of this.store.definitions.values()) {
      if (definition.key === key && (!latest || definition.version > latest.version)) {
        latest = definition;
      }
    }
    return latest;
  }

  /** The working copy of a running instance (copied on first access), or undefined. */
  instance(id: string): ProcessInstanceState | undefined {
    if (this.ended.has(id)) {
      return undefined;
    }
    const working = this.working.get(id);
    if (working) {
      return working;
    }
    const committed = this.store.instances.get(id);
    if (!committed) {
      return undefined;
    }
    const copy = structuredClone(committed);
    this.working.set(id, copy);
    this.copiedFrom.push(() => this.store.instances.get(id) === committed);
    return copy;
  }

  /** Committed or working instances, without copying: for searches that copy only on a hit. */
  *instanceIds(): Iterable<string> {
    for (const id of this.store.instances.keys()) {
      if (!this.ended.has(id) && !this.working.has(id)) {
        yield id;
      }
    }
    for (const id of this.working.keys()) {
      if (!this.ended.has(id)) {
        yield id;
      }
    }
  }

  /** Read-only look at an instance without copying it. */
  peek(id: string): ProcessInstanceState | undefined {
    if (this.ended.has(id)) {
      return undefined;
    }
    return this.working.get(id) ?? this.store.instances.get(id);
  }

  addInstance(instance: ProcessInstanceState): void {
    this.working.set(instance.id, instance);
  }

  endInstance(id: string): void {
    this.ended.add(id);
  }

  isEnded(id: string): boolean {
    return this.ended.has(id);
  }

  /** A copy of a map of the store, remembered so that commit can see whether it changed since. */
  private copy<K, V>(read: () => Map<K, V>): Map<K, V> {
    const committed = read();
    this.copiedFrom.push(() => read() === committed);
    return new Map(committed);
  }

  globalJobs(): Map<string, JobRec> {
    // Shallow: a command replaces a job object instead of changing it (`map.set(id, {...job})`).
    this.globalJobsCopy ??= this.copy(() => this.store.globalJobs);
    return this.globalJobsCopy;
  }

  globalSubscriptions(): Map<string, EventSubscriptionRec> {
    this.globalSubscriptionsCopy ??= this.copy(() => this.store.globalSubscriptions);
    return this.globalSubscriptionsCopy;
  }

  jobDefinitions(): Map<string, JobDefinitionRec> {
    this.jobDefinitionsCopy ??= this.copy(() => this.store.jobDefinitions);
    return this.jobDefinitionsCopy;
  }

  batches(): Map<string, BatchRec> {
    // Shallow, as globalJobs: batch objects are replaced, never changed in place.
    this.batchesCopy ??= this.copy(() => this.store.batches);
    return this.batchesCopy;
  }

  historicBatches(): Map<string, HistoricBatchRec> {
    this.historicBatchesCopy ??= this.copy(() => this.store.historicBatches);
    return this.historicBatchesCopy;
  }

  globalIncidents(): Map<string, IncidentRec> {
    this.globalIncidentsCopy ??= this.copy(() => this.store.globalIncidents);
    return this.globalIncidentsCopy;
  }

  historicProcessInstance(id: string): HistoricProcessInstanceRec | undefined {
    const pending = this.historicProcessInstances.get(id);
    if (pending) {
      return pending;
    }
    const committed = this.store.historicProcessInstances.get(id);
    if (!committed) {
      return undefined;
    }
    const copy = { ...committed };
    this.historicProcessInstances.set(id, copy);
    return copy;
  }

  putHistoricProcessInstance(record: HistoricProcessInstanceRec): void {
    if (this.producesHistory('process-instance')) {
      this.historicProcessInstances.set(record.id, record);
    }
  }

  historicActivityInstance(id: string): HistoricActivityInstanceRec | undefined {
    const pending = this.historicActivityInstances.get(id);
    if (pending) {
      return pending;
    }
    const committed = this.store.historicActivityInstances.get(id);
    if (!committed) {
      return undefined;
    }
    const copy = { ...committed };
    this.historicActivityInstances.set(id, copy);
    return copy;
  }

  putHistoricActivityInstance(record: HistoricActivityInstanceRec): void {
    if (this.producesHistory('activity-instance')) {
      this.historicActivityInstances.set(record.id, record);
    }
  }

  /**
   * Writes a user operation log entry. Callers write one only for an authenticated user; Camunda
   * also needs history level full (UserOperationLogManager.isUserOperationLogEnabled).
   */
  log(entry: UserOperationLogRec): void {
    if (this.producesHistory('user-operation-log')) {
      this.operationLog.push(entry);
    }
  }

  /**
   * Records a variable's creation, update or removal: the historic variable instance (audit and
   * above, DbHistoryEventHandler.insertHistoricVariableUpdateEntity) and a historic detail for
   * every write (full only, shouldWriteHistoricDetail).
   */
  recordVariable(write: VariableHistoryEvent): void {
    if (!this.producesHistory('variable-instance')) {
      return;
    }
    const { event, newDetailId, sourceActivityInstanceId, initial, time } = write;
    let record = this.historicVariableInstance(write.id);
    if (event === 'create' || !record) {
      record = newHistoricVariableInstance(write);
    } else if (event === 'update') {
      // Within one command Camunda flushes the variable once, so its revision rises once.
      const revision = this.changedVariables.has(record.id) ? record.revision : record.revision + 1;
      record = { ...record, value: write.value, state: 'CREATED', revision };
    } else {
      record = { ...record, state: 'DELETED' };
    }
    if (event !== 'delete') {
      this.changedVariables.add(record.id);
    }
    this.historicVariableInstances.set(record.id, record);
    if (!this.producesHistory('variable-update-detail')) {
      return;
    }
    this.historicDetails.push({
      id: newDetailId(),
      variableInstanceId: record.id,
      variableName: record.name,
      // An Object value's deserialized object is the only part an expression could change.
      value: write.value.type === 'Object' ? structuredClone(write.value) : write.value,
      processDefinitionKey: record.processDefinitionKey,
      processDefinitionId: record.processDefinitionId,
      processInstanceId: record.processInstanceId,
      activityInstanceId: sourceActivityInstanceId,
      executionId: record.executionId,
      taskId: record.taskId,
      tenantId: record.tenantId,
      userOperationId: null,
      time,
      rootProcessInstanceId: record.rootProcessInstanceId,
      initial,
      revision: record.revision,
      seq: this.nextSeq(),
    });
  }

  private historicVariableInstance(id: string): HistoricVariableInstanceRec | undefined {
    return this.historicVariableInstances.get(id) ?? this.store.historicVariableInstances.get(id);
  }

  /**
   * Publishes every change of this command. Fails, changing nothing, when another command has
   * committed a change to something this one copied: Camunda's optimistic locking, whose
   * `OptimisticLockingException` ends the later of two transactions that updated the same rows.
   */
  commit(): CommitEffects {
    if (!this.copiedFrom.every((unchanged) => unchanged())) {
      throw new OptimisticLockingException(
        'ENGINE-03005 Execution of an update failed. Entity was updated by another transaction concurrently.',
      );
    }
    const store = this.store;
    const effects = this.effects();
    if (this.producesHistory('incident')) {
      this.recordIncidentHistory();
    }
    if (this.historicIncidentsDropped.size > 0) {
      for (const [id, historic] of store.historicIncidents) {
        if (
          historic.jobDefinitionId !== null &&
          this.historicIncidentsDropped.has(historic.jobDefinitionId)
        ) {
          store.historicIncidents.delete(id);
        }
      }
    }
    for (const [id, instance] of this.working) {
      const before = store.instances.get(id);
      if (before) {
        unindex(store, before);
      }
      if (this.ended.has(id)) {
        store.instances.delete(id);
      } else {
        store.instances.set(id, instance);
        index(store, instance);
      }
    }
    for (const id of this.ended) {
      const before = store.instances.get(id);
      if (before) {
        unindex(store, before);
        store.instances.delete(id);
      }
    }
    if (this.globalJobsCopy) {
      store.globalJobs = this.globalJobsCopy;
    }
    if (this.globalSubscriptionsCopy) {
      store.globalSubscriptions = this.globalSubscriptionsCopy;
    }
    if (this.jobDefinitionsCopy) {
      store.jobDefinitions = this.jobDefinitionsCopy;
    }
    if (this.batchesCopy) {
      store.batches = this.batchesCopy;
    }
    // BATCH_START/UPDATE/END are produced at full only: below it /history/batch stays empty.
    if (this.historicBatchesCopy && this.producesHistory('batch')) {
      store.historicBatches = this.historicBatchesCopy;
    }
    if (this.globalIncidentsCopy) {
      store.globalIncidents = this.globalIncidentsCopy;
    }
    for (const [id, record] of this.historicProcessInstances) {
      store.historicProcessInstances.set(id, record);
    }
    for (const [id, record] of this.historicActivityInstances) {
      store.historicActivityInstances.set(id, record);
    }
    for (const [id, record] of this.historicVariableInstances) {
      store.historicVariableInstances.set(id, record);
    }
    // Camunda gives the details of a command the operation id of its log entries
    // (CommandContext.getOperationId, one per command).
    const operationId = this.operationLog[0]?.operationId ?? null;
    for (const detail of this.historicDetails) {
      store.historicDetails.push({ ...detail, userOperationId: operationId });
    }
    store.userOperationLog.push(...this.operationLog);
    return effects;
  }

  /**
   * The INCIDENT_CREATE, _UPDATE, _RESOLVE and _DELETE history events of the instances this
   * command changed (`HistoricIncidentEventEntity`): every incident it leaves behind is recorded as
   * open, and one that is gone ended now, resolved when its job has retries again
   * (`JobEntity.setRetries`) or ran to its end, deleted otherwise.
   */
  private recordIncidentHistory(): void {
    const store = this.store;
    // Outside any process instance: the incidents of a batch's jobs, whose history has no
    // instance or definition (`HistoricIncidentEventEntity` with null ids).
    const globalAfter = this.globalIncidentsCopy;
    if (globalAfter) {
      for (const incident of globalAfter.values()) {
        if (!store.globalIncidents.has(incident.id)) {
          this.openHistoricIncident(incident, null);
        }
      }
      for (const incident of store.globalIncidents.values()) {
        if (!globalAfter.has(incident.id)) {
          const jobId = incident.configuration;
          this.endHistoricIncident(
            incident,
            this.globalJobsCopy?.get(jobId) ?? store.globalJobs.get(jobId),
          );
        }
      }
    }
    for (const { before, after } of this.changedInstances()) {
      const instance = after ?? before;
      if (!instance) {
        continue;
      }
      for (const incident of Object.values(after?.incidents ?? {})) {
        this.openHistoricIncident(incident, instance);
      }
      for (const incident of Object.values(before?.incidents ?? {})) {
        if (!after?.incidents[incident.id]) {
          this.endHistoricIncident(incident, after?.jobs[incident.configuration]);
        }
      }
    }
  }

  /** INCIDENT_CREATE (or _UPDATE): the incident as it stands, open, in `instance` if it has one. */
  private openHistoricIncident(incident: IncidentRec, instance: ProcessInstanceState | null): void {
    const definitionId = instance?.processDefinitionId ?? null;
    this.store.historicIncidents.set(incident.id, {
      id: incident.id,
      processInstanceId: instance?.id ?? null,
      processDefinitionId: definitionId,
      processDefinitionKey:
        definitionId === null ? null : (this.store.definitions.get(definitionId)?.key ?? null),
      executionId: incident.executionId,
      rootProcessInstanceId: instance?.rootProcessInstanceId ?? null,
      createTime: incident.incidentTimestamp,
      endTime: null,
      incidentType: incident.incidentType,
      incidentMessage: incident.incidentMessage,
      activityId: incident.activityId,
      failedActivityId: incident.failedActivityId,
      causeIncidentId: incident.causeIncidentId,
      rootCauseIncidentId: incident.rootCauseIncidentId,
      configuration: incident.configuration,
      jobDefinitionId: incident.jobDefinitionId,
      tenantId: incident.tenantId,
      annotation: incident.annotation,
      state: 'open',
    });
  }

  /**
   * INCIDENT_RESOLVE or _DELETE of an incident this command removed: resolved when its job (as
   * this command leaves it) has retries again or ran to its end, deleted otherwise.
   */
  private endHistoricIncident(incident: IncidentRec, job: JobRec | undefined): void {
    const historic = this.store.historicIncidents.get(incident.id);
    if (!historic) {
      return;
    }
    const resolved =
      (job !== undefined && job.retries > 0) || this.executedJobs.has(incident.configuration);
    this.store.historicIncidents.set(incident.id, {
      ...historic,
      endTime: this.clock(),
      state: resolved ? 'resolved' : 'deleted',
    });
  }

  /**
   * Each instance this command changed or ended: its committed state (none for one it started)
   * and what the command leaves of it (none for one it ended).
   */
  private *changedInstances(): Iterable<{
    before: ProcessInstanceState | undefined;
    after: ProcessInstanceState | undefined;
  }> {
    for (const id of new Set([...this.working.keys(), ...this.ended])) {
      yield {
        before: this.store.instances.get(id),
        after: this.ended.has(id) ? undefined : this.working.get(id),
      };
    }
  }

  /** Compares the instances this command changed with their committed state. */
  private effects(): CommitEffects {
    const effects: CommitEffects = {
      endedInstanceIds: [],
      endedTaskIds: [],
      createdTasks: [],
      assignments: [],
    };
    for (const { before, after } of this.changedInstances()) {
      if (before && !after) {
        effects.endedInstanceIds.push(before.id);
      }
      const tasksBefore = before?.tasks ?? {};
      const tasksAfter = after?.tasks ?? {};
      for (const taskId of Object.keys(tasksBefore)) {
        if (!(taskId in tasksAfter)) {
          effects.endedTaskIds.push(taskId);
        }
      }
      for (const task of Object.values(tasksAfter)) {
        const previous = tasksBefore[task.id];
        if (!previous) {
          effects.createdTasks.push(task);
        }
        if (task.assignee !== null && task.assignee !== previous?.assignee) {
          effects.assignments.push({ taskId: task.id, assignee: task.assignee });
        }
      }
    }
    return effects;
  }
}

/**
 * Field by field: an object spread from the rest of a destructuring gets a hidden class of its
 * own in V8, several hundred bytes for every variable history keeps.
 */
function newHistoricVariableInstance(write: VariableHistoryEvent): HistoricVariableInstanceRec {
  return {
    id: write.id,
    name: write.name,
    value: write.value,
    processDefinitionKey: write.processDefinitionKey,
    processDefinitionId: write.processDefinitionId,
    processInstanceId: write.processInstanceId,
    executionId: write.executionId,
    activityInstanceId: write.activityInstanceId,
    taskId: write.taskId,
    tenantId: write.tenantId,
    createTime: write.createTime,
    rootProcessInstanceId: write.rootProcessInstanceId,
    state: 'CREATED',
    revision: 0,
  };
}

function unindex(store: EngineStore, instance: ProcessInstanceState): void {
  for (const id of Object.keys(instance.tasks)) {
    store.taskIndex.delete(id);
  }
  for (const id of Object.keys(instance.jobs)) {
    store.jobIndex.delete(id);
  }
  for (const ai of Object.values(instance.activityInstances)) {
    store.executionIndex.delete(ai.executionId);
  }
  for (const id of Object.keys(instance.transitionInstances)) {
    store.executionIndex.delete(id);
  }
}

function index(store: EngineStore, instance: ProcessInstanceState): void {
  for (const id of Object.keys(instance.tasks)) {
    store.taskIndex.set(id, instance.id);
  }
  for (const id of Object.keys(instance.jobs)) {
    store.jobIndex.set(id, instance.id);
  }
  for (const ai of Object.values(instance.activityInstances)) {
    store.executionIndex.set(ai.executionId, instance.id);
  }
  for (const id of Object.keys(instance.transitionInstances)) {
    store.executionIndex.set(id, instance.id);
  }
}
