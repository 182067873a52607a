/**
 * One `bpmn:process`, as Camunda's `BpmnParse.parseProcess` walks it: each flow node is parsed by
 * the parser of its kind (parse-activities.ts, parse-events.ts), then the sequence flows and
 * boundary events are linked and the process is checked as a whole (parse-process-checks.ts).
 */
import type { ModdleElement } from 'bpmn-moddle';
import { booleanProp, elementsProp, idOf, stringProp } from './moddle-element';
import { readExecutionListeners, readServiceImplementation } from './parse-camunda-extensions';
import type { ParseContext } from './parse-context';
import { readMessageName } from './parse-event-definition';
import type {
  Activity,
  ActivityKind,
  ActivityType,
  ProcessModel,
  SequenceFlow,
} from './process-model';
import {
  setKind,
  parseLoopCharacteristics,
  parseUserTask,
  parseSubProcess,
  parseCallActivity,
  parseInputOutput,
} from './parse-activities';
import {
  parseStartEvent,
  parseEndEvent,
  parseIntermediateCatchEvent,
  parseIntermediateThrowEvent,
  parseBoundaryEvent,
  type ContainerKind,
} from './parse-events';
import {
  linkSequenceFlows,
  linkBoundaryEvents,
  checkStartEvents,
  checkGateways,
  checkDefaultFlows,
  type ParsedProcess,
} from './parse-process-checks';

export interface ParseOptions {
  /** Camunda's `enforceHistoryTimeToLive`: an executable process needs `historyTimeToLive`. */
  enforceHistoryTimeToLive?: boolean;
}

/** Flow elements that carry no behaviour; Camunda skips them too. */
const IGNORED_FLOW_ELEMENTS = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** The parts of a process or subprocess that list what it contains. */
type ContainerSlots = Pick<Activity, 'childIds' | 'startEventIds' | 'eventSubProcessIds'>;

/** Camunda keeps each documentation text trimmed, joined by blank lines. */
function documentationOf(element: ModdleElement): string | null {
  const texts = elementsProp(element, 'documentation').map((documentation) =>
    (stringProp(documentation, 'text') ?? '').trim(),
  );
  return texts.length === 0 ? null : texts.join('\n\n');
}

/**
 * What a 7.20+ engine with `enforceHistoryTimeToLive` says about a process without
 * `historyTimeToLive` (and no default configured): ConfigurationLogger.logErrorNoTTLConfigured,
 * thrown by HistoryTimeToLiveParser.parseAndValidate. BpmnParse.validateAndSetHTTL adds it as
 * `new BpmnParseException(e.getMessage(), processElement, e)`, and ProblemImpl joins the messages
 * of the exception and its causes with ": ", so the reported problem names it twice.
 */
const NO_TTL_MESSAGE =
  'ENGINE-12018 History Time To Live (TTL) cannot be null. ' +
  'TTL is necessary for the History Cleanup to work. The following options are possible:\n' +
  '* Set historyTimeToLive in the model\n' +
  '* Set a default historyTimeToLive as a global process engine configuration\n' +
  '* (Not recommended) Deactivate the enforceTTL config to disable this check';
const HISTORY_TIME_TO_LIVE_REQUIRED = `${NO_TTL_MESSAGE}: ${NO_TTL_MESSAGE}`;

/**
 * `camunda:historyTimeToLive`: days, as a number or an ISO period of days (`P5D`); anything else
 * fails like Camunda's `ParseUtil.parseHistoryTimeToLive`.
 */
function parseHistoryTimeToLive(context: ParseContext, process: ModdleElement): number | null {
  const value = stringProp(process, 'historyTimeToLive');
  if (value === null || value === '') {
    return null;
  }
  const days = /^P(\d+)D$/.exec(value)?.[1] ?? value;
  if (!/^[+-]?\d+$/.test(days)) {
    context.invalid(
      process,
      `Cannot parse historyTimeToLive: '${value}' is neither a number of days nor a period of days like 'P5D'`,
    );
    return null;
  }
  const parsed = Number(days);
  if (parsed < 0) {
    context.invalid(process, 'Cannot parse historyTimeToLive: negative value is not allowed');
    return null;
  }
  return parsed;
}

function newActivity(
  id: string,
  name: string | null,
  parentId: string,
  kind: ActivityKind,
  activityType: ActivityType,
): Activity {
  return {
    id,
    name,
    kind,
    activityType,
    parentId,
    incoming: [],
    outgoing: [],
    defaultFlow: null,
    asyncBefore: false,
    asyncAfter: false,
    isContainer: false,
    triggeredByEvent: false,
    eventDefinition: { kind: 'none' },
    interrupting: true,
    attachedToRef: null,
    boundaryEventIds: [],
    childIds: [],
    startEventIds: [],
    eventSubProcessIds: [],
    inputParameters: [],
    outputParameters: [],
    listeners: [],
    taskListeners: [],
    multiInstance: null,
    assignee: null,
    candidateUsers: null,
    candidateGroups: null,
    service: null,
    calledElement: null,
    callIn: [],
    callOut: [],
    documentation: null,
  };
}

/** Parses one `bpmn:process`; null when it has no id (reported). */
export class ProcessParser implements ParsedProcess {
  readonly activities: Record<string, Activity> = {};
  readonly sequenceFlows: Record<string, SequenceFlow> = {};
  /** The moddle element of each activity, to report problems found after the walk. */
  readonly elements = new Map<string, ModdleElement>();
  readonly flowElements: { element: ModdleElement; parentId: string }[] = [];

  constructor(
    readonly context: ParseContext,
    private readonly process: ModdleElement,
    private readonly options: ParseOptions,
  ) {}

  parse(): ProcessModel | null {
    const key = idOf(this.process);
    if (key === null) {
      this.context.invalid(this.process, "attribute 'id' is required on a process");
      return null;
    }
    const model: ProcessModel = {
      key,
      name: stringProp(this.process, 'name'),
      versionTag: stringProp(this.process, 'versionTag'),
      historyTimeToLive: parseHistoryTimeToLive(this.context, this.process),
      // Camunda deploys a process without the attribute as not executable (BpmnParse, new deployments).
      isExecutable: booleanProp(this.process, 'isExecutable', false),
      startEventIds: [],
      eventSubProcessIds: [],
      childIds: [],
      activities: this.activities,
      sequenceFlows: this.sequenceFlows,
      listeners: readExecutionListeners(this.context, this.process, 'flowNode'),
      documentation: documentationOf(this.process),
    };
    if (
      this.options.enforceHistoryTimeToLive === true &&
      model.isExecutable &&
      (stringProp(this.process, 'historyTimeToLive') ?? '') === ''
    ) {
      this.context.refuse(this.process, HISTORY_TIME_TO_LIVE_REQUIRED);
    }
    this.walk(this.process, key, model, 'process');
    linkSequenceFlows(this);
    linkBoundaryEvents(this);
    checkStartEvents(this, key, model);
    checkGateways(this);
    checkDefaultFlows(this);
    return model;
  }

  /** Parses the flow elements directly inside a process or subprocess, then recurses. */
  private walk(
    container: ModdleElement,
    parentId: string,
    slots: ContainerSlots,
    containerKind: ContainerKind,
  ): void {
    for (const element of elementsProp(container, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow') {
        this.flowElements.push({ element, parentId });
        continue;
      }
      if (IGNORED_FLOW_ELEMENTS.has(element.$type)) {
        continue;
      }
      if (!element.$instanceOf('bpmn:FlowNode')) {
        this.context.unsupported(element, 'this element type is not supported inside a process');
        continue;
      }
      const activity = this.parseFlowNode(element, parentId, containerKind);
      if (activity === null) {
        continue;
      }
      this.activities[activity.id] = activity;
      this.elements.set(activity.id, element);
      slots.childIds.push(activity.id);
      if (activity.kind === 'startEvent') {
        slots.startEventIds.push(activity.id);
      }
      if (activity.triggeredByEvent) {
        slots.eventSubProcessIds.push(activity.id);
      }
      if (activity.isContainer) {
        this.walk(
          element,
          activity.id,
          activity,
          activity.triggeredByEvent ? 'eventSubProcess' : 'subProcess',
        );
      }
    }
  }

  /**
   * One flow node. Problems are reported but an activity is still returned (unless it has no id),
   * so that sequence flows to it do not cause follow-up problems.
   */
  private parseFlowNode(
    element: ModdleElement,
    parentId: string,
    containerKind: ContainerKind,
  ): Activity | null {
    const id = idOf(element);
    if (id === null) {
      this.context.invalid(element, "attribute 'id' is required");
      return null;
    }
    const activity = newActivity(id, stringProp(element, 'name'), parentId, 'task', 'task');
    activity.documentation = documentationOf(element);
    activity.asyncBefore =
      booleanProp(element, 'asyncBefore', false) || booleanProp(element, 'async', false);
    activity.asyncAfter = booleanProp(element, 'asyncAfter', false);
    activity.defaultFlow = this.context.referenceId(element, 'default');
    activity.listeners = readExecutionListeners(this.context, element, 'flowNode');
    if (booleanProp(element, 'isForCompensation', false)) {
      this.context.unsupported(
        element,
        'compensation handlers (isForCompensation="true") are not supported',
      );
    }
    parseLoopCharacteristics(this.context, element, activity);

    switch (element.$type) {
      case 'bpmn:StartEvent':
        parseStartEvent(this.context, element, activity, containerKind);
        break;
      case 'bpmn:EndEvent':
        parseEndEvent(this.context, element, activity);
        break;
      case 'bpmn:IntermediateCatchEvent':
        parseIntermediateCatchEvent(this.context, element, activity);
        break;
      case 'bpmn:IntermediateThrowEvent':
        parseIntermediateThrowEvent(this.context, element, activity);
        break;
      case 'bpmn:BoundaryEvent':
        parseBoundaryEvent(this.context, element, activity);
        break;
      case 'bpmn:Task':
        setKind(activity, 'task', 'task');
        break;
      case 'bpmn:ManualTask':
        setKind(activity, 'manualTask', 'manualTask');
        break;
      case 'bpmn:UserTask':
        parseUserTask(this.context, element, activity);
        break;
      case 'bpmn:ReceiveTask':
        setKind(activity, 'receiveTask', 'receiveTask');
        // A receive task with a messageRef waits for that message; without one, for a trigger.
        if (this.context.referenceId(element, 'messageRef') !== null) {
          const messageName = readMessageName(this.context, element, false);
          if (messageName !== null) {
            activity.eventDefinition = { kind: 'message', messageName };
          }
        }
        break;
      case 'bpmn:ServiceTask':
        setKind(activity, 'serviceTask', 'serviceTask');
        activity.service = readServiceImplementation(this.context, element, 'serviceTask');
        break;
      case 'bpmn:SendTask':
        setKind(activity, 'serviceTask', 'sendTask');
        activity.service = readServiceImplementation(this.context, element, 'sendTask');
        break;
      case 'bpmn:BusinessRuleTask':
        setKind(activity, 'serviceTask', 'businessRuleTask');
        if (stringProp(element, 'decisionRef') !== null) {
          this.context.unsupported(
            element,
            'DMN decisions (camunda:decisionRef) are not supported: this engine has no decision engine',
          );
        } else {
          activity.service = readServiceImplementation(this.context, element, 'businessRuleTask');
        }
        break;
      case 'bpmn:ScriptTask':
        this.context.unsupported(
          element,
          'script tasks need a script engine, which this engine does not have',
        );
        break;
      case 'bpmn:ExclusiveGateway':
        setKind(activity, 'exclusiveGateway', 'exclusiveGateway');
        break;
      case 'bpmn:ParallelGateway':
        setKind(activity, 'parallelGateway', 'parallelGateway');
        break;
      case 'bpmn:InclusiveGateway':
        setKind(activity, 'inclusiveGateway', 'inclusiveGateway');
        break;
      case 'bpmn:EventBasedGateway':
        setKind(activity, 'eventBasedGateway', 'eventBasedGateway');
        if (activity.asyncAfter) {
          this.context.invalid(
            element,
            "'asyncAfter' not supported for eventBasedGateway elements.",
          );
        }
        break;
      case 'bpmn:ComplexGateway':
        this.context.unsupported(element, 'complex gateways are not supported');
        break;
      case 'bpmn:SubProcess':
      case 'bpmn:Transaction':
      case 'bpmn:AdHocSubProcess':
        parseSubProcess(this.context, element, activity);
        break;
      case 'bpmn:CallActivity':
        parseCallActivity(this.context, element, activity);
        break;
      default:
        this.context.unsupported(element, 'this element type is not supported');
    }
    parseInputOutput(this.context, element, activity);
    return activity;
  }
}
