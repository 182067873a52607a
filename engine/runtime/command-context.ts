/**
 * One command's view of the engine: copies of the process instances it touches, pending history
 * and operation-log writes. `commit()` publishes them; dropping the context rolls everything back,
 * which is how a failing instruction or job leaves no trace (contract §4.1, §4.9).
 */
import type { EngineStore } from './engine-store';
import type {
  BatchRec,
  EventSubscriptionRec,
  HistoricBatchRec,
  IncidentRec,
  HistoricActivityInstanceRec,
  HistoricProcessInstanceRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  UserOperationLogRec,
} from './state';

export interface CommandOptions {
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
  userId?: string | null;
}

export class CommandContext {
  readonly skipCustomListeners: boolean;
  readonly skipIoMappings: boolean;
  readonly userId: string | null;
  private readonly working = new Map<string, ProcessInstanceState>();
  private readonly ended = new Set<string>();
  private readonly historicProcessInstances = new Map<string, HistoricProcessInstanceRec>();
  private readonly historicActivityInstances = new Map<string, HistoricActivityInstanceRec>();
  private readonly operationLog: UserOperationLogRec[] = [];
  private globalJobsCopy: Map<string, JobRec> | undefined;
  private globalSubscriptionsCopy: Map<string, EventSubscriptionRec> | undefined;
  private jobDefinitionsCopy: Map<string, JobDefinitionRec> | undefined;
  private batchesCopy: Map<string, BatchRec> | undefined;
  private historicBatchesCopy: Map<string, HistoricBatchRec> | undefined;
  private globalIncidentsCopy: Map<string, IncidentRec> | undefined;
  /** Instances under modification: an empty root is kept until the last instruction (§4.1). */
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

  globalJobs(): Map<string, JobRec> {
    // Shallow: a command replaces a job object instead of changing it (`map.set(id, {...job})`).
    this.globalJobsCopy ??= new Map(this.store.globalJobs);
    return this.globalJobsCopy;
  }

  globalSubscriptions(): Map<string, EventSubscriptionRec> {
    this.globalSubscriptionsCopy ??= new Map(this.store.globalSubscriptions);
    return this.globalSubscriptionsCopy;
  }

  jobDefinitions(): Map<string, JobDefinitionRec> {
    this.jobDefinitionsCopy ??= new Map(this.store.jobDefinitions);
    return this.jobDefinitionsCopy;
  }

  batches(): Map<string, BatchRec> {
    // Shallow, as globalJobs: batch objects are replaced, never changed in place.
    this.batchesCopy ??= new Map(this.store.batches);
    return this.batchesCopy;
  }

  historicBatches(): Map<string, HistoricBatchRec> {
    this.historicBatchesCopy ??= new Map(this.store.historicBatches);
    return this.historicBatchesCopy;
  }

  globalIncidents(): Map<string, IncidentRec> {
    this.globalIncidentsCopy ??= new Map(this.store.globalIncidents);
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
    this.historicProcessInstances.set(record.id, record);
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
    this.historicActivityInstances.set(record.id, record);
  }

  log(entry: UserOperationLogRec): void {
    this.operationLog.push(entry);
  }

  /** Publishes every change of this command. */
  commit(): void {
    const store = this.store;
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
    if (this.historicBatchesCopy) {
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
    store.userOperationLog.push(...this.operationLog);
  }
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
