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

export interface EngineStore {
  deployments: Map<string, DeploymentRec>;
  definitions: Map<string, ProcessDefinitionRec>;
  /** Process definition id → the BPMN XML it came from. */
  definitionXml: Map<string, string>;
  instances: Map<string, ProcessInstanceState>;
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
    instances: new Map(),
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
