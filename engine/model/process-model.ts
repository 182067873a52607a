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
  | { kind: 'message'; messageName: string }
  | { kind: 'signal'; signalName: string }
  | { kind: 'timer'; timer: TimerDefinition }
  | { kind: 'error'; errorCode: string | null }
  | { kind: 'escalation'; escalationCode: string | null }
  | { kind: 'conditional'; condition: string }
  | { kind: 'terminate' }
  | { kind: 'compensate' };

/** A listener given as `camunda:expression` or `camunda:delegateExpression` (a `${...}` string). */
export interface ListenerDefinition {
  event: string;
  expression?: string;
  delegateExpression?: string;
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
  /** Call activities. */
  calledElement: string | null;
  callIn: CallVariableMapping[];
  callOut: CallVariableMapping[];
  documentation: string | null;
}

export interface SequenceFlow {
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
}

/** Everything one BPMN file defines. */
export interface ParsedDefinitions {
  processes: ProcessModel[];
}
