/**
 * The case format of the conformance suite: one typed case per file in `conformance/cases/<group>/`,
 * its `export default` a `ConformanceCase`. README.md (next to `runner/`) explains every field.
 */

/** A JSON value as it goes into a request body or comes out of a response. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type TreeReference =
  | `activityId:${string}#${number}`
  // Template types match `${string}` up to the first `#`, so multi-instance bodies need their own.
  | `activityId:${string}#multiInstanceBody#${number}`
  | `transitionActivityId:${string}#${number}`;

type CurrentReference =
  | 'processInstanceId'
  | 'processDefinitionId'
  | 'allInstances'
  | `instance#${number}`
  | TreeReference;

/**
 * An id known only at run time: of the step's target instance, the deployed definition, the k-th
 * started instance, all started instances, or the n-th activity or transition instance of an
 * activity in a depth-first walk of the target's tree; `@snapshot` reads a recorded tree instead.
 */
export type Reference = CurrentReference | `${CurrentReference}@${string}`;

/** Stands for the id a reference resolves to, anywhere in a request body or expected entry. */
export interface RefValue {
  ref: Reference;
}

/** A request body: JSON in which any value may be a `{ ref }` (and only there is `ref` a key). */
export type Body =
  | null
  | boolean
  | number
  | string
  | RefValue
  | Body[]
  | ({ [key: string]: Body } & { ref?: never });

/** Camunda's typed variable value, as `POST /process-definition/key/{key}/start` takes it. */
export interface VariableValue {
  value: JsonValue;
  type?: string;
  valueInfo?: Record<string, JsonValue>;
}

/** How the case starts its instances; without it, one instance by key with an empty body. */
export interface StartSpec {
  /** How many identical instances; `0` only deploys. `instance#0` is the main instance. */
  count?: number;
  variables?: Record<string, VariableValue>;
  /** Start instructions in the start request: the instance starts at these activities. */
  startInstructions?: Body[];
  /** Starts by correlating this message to a message start event instead (`POST /message`). */
  byMessage?: string;
}

/** An activity instance in an expected tree: its activity id alone when it has no children. */
export type ExpectedActivityInstance =
  | string
  | {
      activityId: string;
      /** Child activity instances, as a multiset; missing means none. */
      children?: ExpectedActivityInstance[];
      /** Activity ids of child transition instances, as a multiset; missing means none. */
      transitions?: string[];
    };

/** The expected tree below the root activity instance (the process instance itself). */
export interface ExpectedTree {
  children?: ExpectedActivityInstance[];
  transitions?: string[];
}

/** A failed request: its status, the `type` of Camunda's `ExceptionDto`, parts of its message. */
export interface ExpectedError {
  status?: number;
  type?: string;
  messageContains?: string[];
}

/** Who a step or assertion works on, when not the main instance. */
export interface StepTarget {
  /** The k-th started instance. */
  instance?: number;
  /** The k-th instance called by the main instance. */
  on?: `subProcessInstance#${number}`;
}

interface RequestOptions {
  /** A literal id in the URL instead of the target's (references still see the main instance). */
  processInstanceId?: string;
  /** The request must fail like this; the case goes on. */
  expectError?: ExpectedError;
  /** The expected success status, when not the call's usual one. */
  expectStatus?: number;
}

export type ModifyKind = 'modify' | 'modifyAsync' | 'modifyMany' | 'modifyManyAsync';

type ModifyStepOf<K extends ModifyKind> = StepTarget & RequestOptions & { [P in K]: Body };

export type ModifyStep =
  | ModifyStepOf<'modify'>
  | ModifyStepOf<'modifyAsync'>
  | ModifyStepOf<'modifyMany'>
  | ModifyStepOf<'modifyManyAsync'>;

export type Step =
  | (StepTarget & { completeTask: string })
  | ModifyStep
  | (StepTarget & { snapshot: string })
  | { executeJobs: true }
  | { executeJob: { activityId: string } }
  | { executeSeedJob: true }
  | { executeBatchJobs: true }
  | { executeMonitorJob: true }
  | { deleteBatch: { cascade: boolean } }
  | { deleteProcessInstance: { instance: number } }
  | (StepTarget & { assert: Assertions });

export interface JobCheck {
  count?: number;
  activityId?: string;
  /** The whole engine's jobs instead of the instance's. */
  scope?: 'all';
  noneFromSnapshot?: string;
  sameIdsAsSnapshot?: string;
  sameDueDatesAsSnapshot?: string;
}

export interface EventSubscriptionCheck {
  count?: number;
  eventType?: string;
  scope?: 'all';
  sameIdsAsSnapshot?: string;
}

export interface TaskVariablesCheck {
  taskDefinitionKey: string;
  /** Open tasks with that key; at least one when missing. */
  count?: number;
  /** Variables every such task sees, with these values. */
  each?: Record<string, JsonValue>;
  /** Variables no such task sees. */
  absent?: string[];
  /** Across the tasks, each variable's values form exactly this multiset. */
  distinctValues?: Record<string, JsonValue[]>;
}

export interface BatchJobsCheck {
  seed?: number;
  execution?: number;
  monitor?: number;
  /** The remaining execution jobs, each entry matched by its own job. */
  executionJobs?: { retries?: number; exceptionMessageContains?: string[] }[];
  /** The monitor job has no due date, or one about now. */
  monitorDueDate?: 'none-or-now';
  monitorDueDateSecondsAfterNow?: number;
}

export type BatchJobRole = 'seed' | 'execution' | 'monitor';

/** A field of an expected user operation log entry: `null` means the field must be null. */
type LogField = string | null | RefValue;

export interface UserOperationLogCheck {
  operationType?: LogField;
  entityType?: LogField;
  property?: LogField;
  orgValue?: LogField;
  newValue?: LogField;
  annotation?: LogField;
  category?: LogField;
  processInstanceId?: LogField;
  processDefinitionId?: LogField;
  processDefinitionKey?: LogField;
  /** How many entries match; at least one when missing. */
  count?: number;
  sameOperationId?: boolean;
}

/** Checks of one moment; each applies to the target instance unless it says otherwise. */
export interface Assertions {
  ended?: boolean;
  activityInstanceTree?: ExpectedTree;
  error?: ExpectedError;
  tasks?: { count?: number; includes?: string[] };
  jobs?: JobCheck[];
  eventSubscriptions?: EventSubscriptionCheck;
  processVariables?: Record<string, JsonValue>;
  processVariablesAbsent?: string[];
  absentVariables?: string[];
  variableInstanceCount?: number;
  taskVariables?: TaskVariablesCheck[];
  parentActivityInstance?: { child: Reference; parent: Reference }[];
  distinctRefs?: Reference[][];
  sameRefs?: Reference[][];
  processInstancesRunning?: number;
  leafActivityInstanceCount?: number;
  forEachInstance?: Assertions;
  instances?: (Assertions & { index: number })[];
  batch?: Record<string, JsonValue>;
  batchExists?: boolean;
  batchJobs?: BatchJobsCheck;
  batchJobDefinitions?: Partial<Record<BatchJobRole, Record<string, JsonValue>>>;
  batchStatistics?: Record<string, JsonValue>;
  historicBatch?: Record<string, JsonValue> & { completed?: boolean };
  historicBatchExists?: boolean;
  jobsTotal?: number;
  jobDefinitionsTotal?: number;
  userOperationLog?: UserOperationLogCheck[];
  /** All entries matched by `userOperationLog` share one operation id. */
  sameOperationId?: boolean;
}

/** What a case needs beyond user tasks and none start and end events. */
export type Feature =
  | 'parallelGateway'
  | 'exclusiveGateway'
  | 'subProcess'
  | 'multiInstance'
  | 'boundaryEvent'
  | 'timer'
  | 'message'
  | 'eventSubProcess'
  | 'asyncBefore'
  | 'asyncAfter'
  | 'ioMapping'
  | 'executionListener'
  | 'callActivity'
  | 'batch'
  | 'modificationExecute'
  | 'processInstanceQuery'
  | 'historicProcessInstanceQuery'
  | 'startInstructions'
  | 'serviceTaskExpression'
  | 'expressions'
  | 'variables'
  | 'userOperationLog'
  | 'authenticatedUser'
  | 'restValidation'
  | 'escalation'
  | 'terminateEndEvent'
  | 'timerStartEvent'
  | 'messageStartEvent'
  | 'externalTask'
  | 'objectVariable';

export interface ConformanceCase {
  /** Unique; the file name, its prefix before the first `-` the group folder. */
  id: string;
  /** The Camunda test the case translates, as `TestClass#testMethod`. */
  camundaTest: string;
  /** Set when the case follows Camunda's source where no test covers the behaviour. */
  derivedFromSource?: true;
  /** Files in `conformance/bpmn/`, deployed together. */
  bpmn: string[];
  /** The process `start` starts. */
  processDefinitionKey: string;
  start?: StartSpec;
  steps: Step[];
  /** Checked after the last step. */
  expect: Assertions;
  /** Further checks derived from Camunda's source; reported apart unless --strict-derived. */
  derivedExpect?: Assertions;
  features: Feature[];
  notes?: string;
  /** Why the embedded engine cannot run this case: it is reported unsupported there. */
  unsupportedByEmbeddedEngine?: string;
}
