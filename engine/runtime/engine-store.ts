/**
 * The committed state of the engine. Commands never write here directly: they work on a
 * `CommandContext`, whose copies are committed only when the command succeeds.
 */
import type {
  BatchRec,
  DeploymentRec,
  HistoricBatchRec,
  IncidentRec,
  EventSubscriptionRec,
  HistoricActivityInstanceRec,
  HistoricIncidentRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  UserOperationLogRec,
} from './state';
import type { OrderedIds } from './sorted-ids';
import { SortedIds } from './sorted-ids';

/**
 * The running instances. A committed instance is never changed in place (commands change copies
 * and commit them with `set`), so `version`, replaced on every write, says whether anything read
 * from the map still holds: queries cache their matches under it. Their ids are also kept in
 * order, all and per definition, so a list sorted by id is paged without sorting.
 */
export class InstanceMap extends Map<string, ProcessInstanceState> {
  version: object = {};
  private readonly ids = new SortedIds();
  private readonly idsByDefinition = new Map<string, SortedIds>();

  override set(id: string, instance: ProcessInstanceState): this {
    const previous = super.get(id);
    super.set(id, instance);
    if (previous?.processDefinitionId !== instance.processDefinitionId) {
      if (previous) {
        this.unindex(previous);
      }
      this.ids.add(id);
      const ofDefinition = this.idsByDefinition.get(instance.processDefinitionId);
      if (ofDefinition) {
        ofDefinition.add(id);
      } else {
        const created = new SortedIds();
        created.add(id);
        this.idsByDefinition.set(instance.processDefinitionId, created);
      }
    }
    this.version = {};
    return this;
  }

  override delete(id: string): boolean {
    const previous = super.get(id);
    const deleted = super.delete(id);
    if (previous) {
      this.unindex(previous);
      this.version = {};
    }
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.ids.clear();
    this.idsByDefinition.clear();
    this.version = {};
  }

  /** The ids in code unit order, of the instances of one definition or of all. */
  idsInOrder(processDefinitionId?: string): OrderedIds {
    if (processDefinitionId === undefined) {
      return this.ids;
    }
    return this.idsByDefinition.get(processDefinitionId) ?? EMPTY;
  }

  private unindex(instance: ProcessInstanceState): void {
    this.ids.delete(instance.id);
    const ofDefinition = this.idsByDefinition.get(instance.processDefinitionId);
    ofDefinition?.delete(instance.id);
    if (ofDefinition?.size === 0) {
      this.idsByDefinition.delete(instance.processDefinitionId);
    }
  }
}

const EMPTY: OrderedIds = new SortedIds();

export interface EngineStore {
  deployments: Map<string, DeploymentRec>;
  definitions: Map<string, ProcessDefinitionRec>;
  /** Process definition id → the BPMN XML it came from. */
  definitionXml: Map<string, string>;
  instances: InstanceMap;
  /** Jobs that belong to no process instance: timer start events and batch jobs. */
  globalJobs: Map<string, JobRec>;
  /** Subscriptions of message and signal start events. */
  globalSubscriptions: Map<string, EventSubscriptionRec>;
  jobDefinitions: Map<string, JobDefinitionRec>;
  /** Task id → process instance id. */
  taskIndex: Map<string, string>;
  /** Job id → process instance id (only jobs of process instances). */
  jobIndex: Map<string, string>;
  /** Execution id (activity instance or transition instance) → process instance id. */
  executionIndex: Map<string, string>;
  historicProcessInstances: Map<string, HistoricProcessInstanceRec>;
  historicActivityInstances: Map<string, HistoricActivityInstanceRec>;
  historicVariableInstances: Map<string, HistoricVariableInstanceRec>;
  /** Historic details (variable updates), in the order they were written. */
  historicDetails: HistoricVariableUpdateRec[];
  historicIncidents: Map<string, HistoricIncidentRec>;
  userOperationLog: UserOperationLogRec[];
  batches: Map<string, BatchRec>;
  historicBatches: Map<string, HistoricBatchRec>;
  /** Incidents of jobs that belong to no process instance (failed batch jobs). */
  globalIncidents: Map<string, IncidentRec>;
  /** Increasing counter for ordering records created in the same millisecond. */
  seq: number;
}

export function createStore(): EngineStore {
  return {
    deployments: new Map(),
    definitions: new Map(),
    definitionXml: new Map(),
    instances: new InstanceMap(),
    globalJobs: new Map(),
    globalSubscriptions: new Map(),
    jobDefinitions: new Map(),
    taskIndex: new Map(),
    jobIndex: new Map(),
    executionIndex: new Map(),
    historicProcessInstances: new Map(),
    historicActivityInstances: new Map(),
    historicVariableInstances: new Map(),
    historicDetails: [],
    historicIncidents: new Map(),
    userOperationLog: [],
    batches: new Map(),
    historicBatches: new Map(),
    globalIncidents: new Map(),
    seq: 0,
  };
}
