/**
 * The executable process model: what `parseBpmn` makes of a BPMN 2.0 document with Camunda
 * extensions. Plain data, so that it can be cached, cloned and used in the browser.
 */

/** Camunda's `activityType` strings (`org.camunda.bpm.engine.ActivityTypes`). */
export type ActivityType =
  | 'startEvent'
  | 'messageStartEvent'
  | 'startTimerEvent'
  | 'signalStartEvent'
  | 'conditionalStartEvent'
  | 'errorStartEvent'
  | 'escalationStartEvent'
  | 'noneEndEvent'
  | 'terminateEndEvent'
  | 'errorEndEvent'
  | 'escalationEndEvent'
  | 'signalEndEvent'
  | 'messageEndEvent'
  | 'userTask'
  | 'manualTask'
  | 'receiveTask'
  | 'serviceTask'
  | 'sendTask'
  | 'businessRuleTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'callActivity'
  | 'multiInstanceBody'
  | 'boundaryTimer'
  | 'boundaryMessage'
  | 'boundarySignal'
  | 'boundaryError'
  | 'boundaryEscalation'
  | 'boundaryConditional'
  | 'intermediateTimer'
  | 'intermediateMessageCatch'
  | 'intermediateSignalCatch'
  | 'intermediateConditional'
  | 'intermediateNoneThrowEvent'
  | 'intermediateSignalThrow'
  | 'intermediateEscalationThrowEvent'
  | 'intermediateMessageThrowEvent';

/** What kind of element an activity is; drives its runtime behaviour. */
export type ActivityKind =
  | 'startEvent'
  | 'endEvent'
  | 'userTask'
  | 'manualTask'
  | 'receiveTask'
  | 'serviceTask'
  | 'task'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'callActivity'
  | 'boundaryEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent';

export type TimerDefinition =
  | { kind: 'duration'; expression: string }
  | { kind: 'date'; expression: string }
  | { kind: 'cycle'; expression: string };

/** At most one event definition per event; Camunda rejects several. */
export type EventDefinition =
  | { kind: 'none' }
  /** `messageName` is '' on a throw event that names no message (it then acts as a none event). */
  | { kind: 'message'; messageName: string }
  | { kind: 'signal'; signalName: string }
  | { kind: 'timer'; timer: TimerDefinition }
  | {
      kind: 'error';
      errorCode: string | null;
      /** Throwing: the error's `camunda:errorMessage` (may be a `${...}` expression). */
      errorMessage?: string;
      /** Catching: variables that receive the caught error's code and message. */
      errorCodeVariable?: string;
      errorMessageVariable?: string;
    }
  | {
      kind: 'escalation';
      escalationCode: string | null;
      /** Catching: variable that receives the caught escalation's code. */
      escalationCodeVariable?: string;
    }
  | {
      kind: 'conditional';
      condition: string;
      /** `camunda:variableName`: only changes of this variable trigger the evaluation. */
      variableName?: string;
      /** `camunda:variableEvents` (create, update, delete), split at commas. */
      variableEvents?: string[];
    }
  | { kind: 'terminate' }
  | { kind: 'compensate' };

/** A listener given as `camunda:expression` or `camunda:delegateExpression` (a `${...}` string). */
export interface ListenerDefinition {
  event: string;
  expression?: string;
  delegateExpression?: string;
  /** Task listeners with event `timeout`: the listener id and the timer that fires it. */
  id?: string;
  timer?: TimerDefinition;
}

/** One `camunda:inputParameter` / `camunda:outputParameter`; `value` is a literal or `${...}`. */
export interface IoParameter {
  name: string;
  /** Text of the parameter; null for an empty parameter (Camunda sets null). */
  value: string | null;
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  loopCardinality: string | null;
  collection: string | null;
  elementVariable: string | null;
  completionCondition: string | null;
}

/** `camunda:in` / `camunda:out` of a call activity. */
export interface CallVariableMapping {
  source?: string;
  sourceExpression?: string;
  target?: string;
  /** `variables="all"` */
  all?: boolean;
  local?: boolean;
  /** `businessKey="${...}"` on camunda:in */
  businessKey?: string;
}

export interface ServiceImplementation {
  kind: 'expression' | 'delegateExpression' | 'external' | 'none';
  expression?: string;
  topic?: string;
  resultVariable?: string;
}

export interface Activity {
  id: string;
  name: string | null;
  kind: ActivityKind;
  activityType: ActivityType;
  /** Id of the flow scope: the process id or the id of the enclosing subprocess. */
  parentId: string;
  incoming: string[];
  outgoing: string[];
  /** Sequence flow taken when no condition of an exclusive/inclusive gateway holds. */
  defaultFlow: string | null;
  asyncBefore: boolean;
  asyncAfter: boolean;
  /**
   * Multi-instance activities: `camunda:asyncBefore`/`asyncAfter` on the element apply to the
   * multi-instance body; the same attributes on `multiInstanceLoopCharacteristics` apply to each
   * inner instance.
   */
  innerAsyncBefore?: boolean;
  innerAsyncAfter?: boolean;
  /** True for subprocesses (embedded and event) – activities that contain other activities. */
  isContainer: boolean;
  /** An event subprocess (`triggeredByEvent="true"`). */
  triggeredByEvent: boolean;
  eventDefinition: EventDefinition;
  /** Start events and boundary events: whether they cancel what they interrupt. */
  interrupting: boolean;
  /** Boundary events: the activity they are attached to. */
  attachedToRef: string | null;
  /** Ids of boundary events attached to this activity. */
  boundaryEventIds: string[];
  /** Containers: ids of their direct children (activities only). */
  childIds: string[];
  /** Containers: none/other start events directly inside (excluding event subprocesses' ones). */
  startEventIds: string[];
  /** Containers: ids of event subprocesses directly inside. */
  eventSubProcessIds: string[];
  inputParameters: IoParameter[];
  outputParameters: IoParameter[];
  listeners: ListenerDefinition[];
  taskListeners: ListenerDefinition[];
  multiInstance: MultiInstanceDefinition | null;
  /** User tasks. */
  assignee: string | null;
  candidateUsers: string | null;
  candidateGroups: string | null;
  /** Service, send and business rule tasks. */
  service: ServiceImplementation | null;
  /** User tasks: `camunda:dueDate`, `camunda:followUpDate`, `camunda:priority`, `camunda:formKey`. */
  dueDate?: string | null;
  followUpDate?: string | null;
  priority?: string | null;
  formKey?: string | null;
  /** Call activities. */
  calledElement: string | null;
  /** `camunda:calledElementBinding` (latest when absent), with its version or version tag. */
  calledElementBinding?: 'latest' | 'deployment' | 'version' | 'versionTag';
  calledElementVersion?: string | null;
  calledElementVersionTag?: string | null;
  callIn: CallVariableMapping[];
  callOut: CallVariableMapping[];
  documentation: string | null;
}

export interface SequenceFlow {
  /** The flow's id; `#flow<n>` for a flow declared without one (Camunda allows that). */
  id: string;
  name: string | null;
  sourceRef: string;
  targetRef: string;
  /** `${...}` condition, or null when unconditional. */
  condition: string | null;
  listeners: ListenerDefinition[];
}

export interface ProcessModel {
  /** The process id: Camunda's process definition key. */
  key: string;
  name: string | null;
  versionTag: string | null;
  historyTimeToLive: number | null;
  isExecutable: boolean;
  /** Top-level start events of the process (not of subprocesses). */
  startEventIds: string[];
  /** Event subprocesses directly inside the process. */
  eventSubProcessIds: string[];
  /** Direct children of the process. */
  childIds: string[];
  activities: Record<string, Activity>;
  sequenceFlows: Record<string, SequenceFlow>;
  listeners: ListenerDefinition[];
  /** Text of the process's `bpmn:documentation` (Camunda's process definition description). */
  documentation?: string | null;
}

/** Everything one BPMN file defines. */
export interface ParsedDefinitions {
  processes: ProcessModel[];
  /** `targetNamespace` of the definitions: Camunda's process definition category. */
  targetNamespace?: string | null;
}
