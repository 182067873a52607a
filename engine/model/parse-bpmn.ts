/**
 * BPMN 2.0 XML with Camunda extensions → the executable model in `process-model.ts`, following
 * Camunda 7's `BpmnParse`: the same activity types, the same defaults, and the same deployment
 * errors (ENGINE-09005) where Camunda has them. What this engine cannot execute – scripts, Java
 * classes, DMN, CMMN, compensation, transactions – is rejected at deployment with a problem naming
 * the element, rather than failing at run time.
 */
import {
  BpmnModdle,
  type FromXmlError,
  type FromXmlResult,
  type ModdleElement,
  type ModdleWarning,
} from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { BpmnParseException, ProblemCollector, type ParseProblem } from './bpmn-parse-exception';
import {
  booleanProp,
  elementProp,
  elementsProp,
  idOf,
  stringProp,
  tagName,
} from './moddle-element';
import {
  hasServiceImplementation,
  readCallMappings,
  readExecutionListeners,
  readInputOutput,
  readServiceImplementation,
  readTaskListeners,
} from './parse-camunda-extensions';
import { ParseContext } from './parse-context';
import { isScript, readEventDefinition, readMessageName } from './parse-event-definition';
import type {
  Activity,
  ActivityKind,
  ActivityType,
  EventDefinition,
  MultiInstanceDefinition,
  ParsedDefinitions,
  ProcessModel,
  SequenceFlow,
} from './process-model';

/** One moddle instance for all parses: it only holds the schema; each `fromXML` has its own reader. */
const moddle = BpmnModdle({ camunda: camundaModdle });

/** Flow elements that carry no behaviour; Camunda skips them too. */
const IGNORED_FLOW_ELEMENTS = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** What a boundary event may be attached to. */
const ATTACHABLE_KINDS = new Set<ActivityKind>([
  'userTask',
  'manualTask',
  'receiveTask',
  'serviceTask',
  'task',
  'subProcess',
  'callActivity',
]);

const GATEWAY_KINDS = new Set<ActivityKind>([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
]);

const CALLED_ELEMENT_BINDINGS = new Set(['latest', 'deployment', 'version', 'versionTag']);

type ContainerKind = 'process' | 'subProcess' | 'eventSubProcess';

/** The parts of a process or subprocess that list what it contains. */
type ContainerSlots = Pick<Activity, 'childIds' | 'startEventIds' | 'eventSubProcessIds'>;

export interface ParseOptions {
  /** Camunda's `enforceHistoryTimeToLive`: an executable process needs `historyTimeToLive`. */
  enforceHistoryTimeToLive?: boolean;
}

/**
 * Parses one BPMN resource. Rejects with a `BpmnParseException` (a `ParseException`, HTTP 400)
 * listing every problem found, or for XML that cannot be read at all.
 */
export async function parseBpmn(
  xml: string,
  resourceName: string,
  options: ParseOptions = {},
): Promise<ParsedDefinitions> {
  let result: FromXmlResult;
  try {
    result = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    throw new BpmnParseException(resourceName, [unreadableDocumentProblem(error)]);
  }
  const collector = new ProblemCollector(xml);
  const definitions = result.rootElement;
  const context = new ParseContext(
    collector,
    collectWarnings(result.warnings, collector),
    (reference) => resolveQualifiedReference(definitions, result.elementsById, reference),
  );
  const rootElements = elementsProp(definitions, 'rootElements');
  checkSignals(context, rootElements);
  const processes = rootElements
    .filter((element) => element.$type === 'bpmn:Process')
    .flatMap((element) => {
      const process = new ProcessParser(context, element, options).parse();
      return process === null ? [] : [process];
    });
  if (collector.hasProblems) {
    throw new BpmnParseException(resourceName, collector.problems);
  }
  return { processes, targetNamespace: stringProp(definitions, 'targetNamespace') };
}

/**
 * Camunda resolves references such as `messageRef="tns:message"` as QNames: the prefix must stand
 * for the target namespace, in which every id of the document lives. Moddle only knows plain ids.
 */
function resolveQualifiedReference(
  definitions: ModdleElement,
  elementsById: Record<string, ModdleElement>,
  reference: string,
): ModdleElement | null {
  const separator = reference.indexOf(':');
  if (separator === -1) {
    return null;
  }
  const namespace = definitions.$attrs?.[`xmlns:${reference.slice(0, separator)}`];
  if (namespace === undefined || namespace !== stringProp(definitions, 'targetNamespace')) {
    return null;
  }
  return elementsById[reference.slice(separator + 1)] ?? null;
}

/** Malformed XML, or a document that is not `bpmn:definitions`: moddle gives up on those. */
function unreadableDocumentProblem(error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = parseModdlePosition(message);
  if (position !== null) {
    return {
      message: `Malformed XML: ${position.nested}`,
      line: position.line,
      column: position.column,
      mainElementId: null,
      elementIds: [],
    };
  }
  const [firstWarning] = (error as FromXmlError | undefined)?.warnings ?? [];
  const warningPosition =
    firstWarning === undefined ? null : parseModdlePosition(firstWarning.message);
  return {
    message: message.startsWith('failed to parse document as')
      ? `Not a BPMN 2.0 document: the root element must be <definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL${warningPosition === null ? '' : ` (${warningPosition.nested})`}`
      : `Malformed XML: ${message}`,
    line: warningPosition?.line ?? null,
    column: warningPosition?.column ?? null,
    mainElementId: null,
    elementIds: [],
  };
}

/** Moddle's "unparsable content <x> detected\n\tline: 0\n\tcolumn: 13\n\tnested error: …" (0-based). */
function parseModdlePosition(
  message: string,
): { tag: string | null; line: number; column: number; nested: string } | null {
  const match =
    /unparsable content(?: <([^>]*)>)? detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([\s\S]*)/.exec(
      message,
    );
  if (match === null) {
    return null;
  }
  return {
    tag: match[1] ?? null,
    line: Number(match[2]) + 1,
    column: Number(match[3]) + 1,
    nested: (match[4] ?? '').trim(),
  };
}

/**
 * Moddle reads on past what it does not understand and only warns. Content it had to drop (unknown
 * BPMN elements, duplicate ids) becomes a problem, since Camunda's schema validation rejects it;
 * unresolved references are kept for `ParseContext.referenceId`; unknown attributes are ignored,
 * as extension attributes of other tools are common.
 */
function collectWarnings(
  warnings: ModdleWarning[],
  collector: ProblemCollector,
): Map<ModdleElement, Map<string, string>> {
  const unresolved = new Map<ModdleElement, Map<string, string>>();
  for (const warning of warnings) {
    if (
      warning.message.startsWith('unresolved reference') &&
      warning.element !== undefined &&
      warning.property !== undefined &&
      warning.value !== undefined
    ) {
      const property = warning.property.includes(':')
        ? warning.property.slice(warning.property.indexOf(':') + 1)
        : warning.property;
      const properties = unresolved.get(warning.element) ?? new Map<string, string>();
      properties.set(property, warning.value);
      unresolved.set(warning.element, properties);
      continue;
    }
    const position = parseModdlePosition(warning.message);
    if (position === null) {
      continue;
    }
    const duplicate = /^duplicate ID <(.*)>$/.exec(position.nested);
    const unknown = /^unknown type <(.*)>$/.exec(position.nested);
    const message =
      duplicate !== null
        ? `Duplicate id '${duplicate[1] ?? ''}' (element <${position.tag ?? '?'}>): ids must be unique within a BPMN document`
        : unknown !== null
          ? `Unknown element <${position.tag ?? '?'}> (type ${unknown[1] ?? '?'})`
          : `Invalid content <${position.tag ?? '?'}>: ${position.nested}`;
    collector.addAt(message, position.line, position.column);
  }
  return unresolved;
}

/** Signals are matched by name, so Camunda requires a unique name on each. */
function checkSignals(context: ParseContext, rootElements: ModdleElement[]): void {
  const names = new Set<string>();
  for (const signal of rootElements.filter((element) => element.$type === 'bpmn:Signal')) {
    const name = stringProp(signal, 'name');
    if (name === null) {
      context.invalid(signal, `signal with id '${idOf(signal) ?? ''}' has no name`);
    } else if (names.has(name)) {
      context.invalid(signal, `duplicate signal name '${name}'.`);
    }
    if (name !== null) {
      names.add(name);
    }
  }
}

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
class ProcessParser {
  private readonly activities: Record<string, Activity> = {};
  private readonly sequenceFlows: Record<string, SequenceFlow> = {};
  /** The moddle element of each activity, to report problems found after the walk. */
  private readonly elements = new Map<string, ModdleElement>();
  private readonly flowElements: { element: ModdleElement; parentId: string }[] = [];

  constructor(
    private readonly context: ParseContext,
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
    this.linkSequenceFlows();
    this.linkBoundaryEvents();
    this.checkStartEvents(key, model);
    this.checkGateways();
    this.checkDefaultFlows();
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
    this.parseLoopCharacteristics(element, activity);

    switch (element.$type) {
      case 'bpmn:StartEvent':
        this.parseStartEvent(element, activity, containerKind);
        break;
      case 'bpmn:EndEvent':
        this.parseEndEvent(element, activity);
        break;
      case 'bpmn:IntermediateCatchEvent':
        this.parseIntermediateCatchEvent(element, activity);
        break;
      case 'bpmn:IntermediateThrowEvent':
        this.parseIntermediateThrowEvent(element, activity);
        break;
      case 'bpmn:BoundaryEvent':
        this.parseBoundaryEvent(element, activity);
        break;
      case 'bpmn:Task':
        setKind(activity, 'task', 'task');
        break;
      case 'bpmn:ManualTask':
        setKind(activity, 'manualTask', 'manualTask');
        break;
      case 'bpmn:UserTask':
        this.parseUserTask(element, activity);
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
        this.parseSubProcess(element, activity);
        break;
      case 'bpmn:CallActivity':
        this.parseCallActivity(element, activity);
        break;
      default:
        this.context.unsupported(element, 'this element type is not supported');
    }
    this.parseInputOutput(element, activity);
    return activity;
  }

  private parseLoopCharacteristics(element: ModdleElement, activity: Activity): void {
    const loop = elementProp(element, 'loopCharacteristics');
    if (loop === null) {
      return;
    }
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      this.context.unsupported(
        element,
        'standard loops (standardLoopCharacteristics) are not supported; use multiInstanceLoopCharacteristics',
      );
      return;
    }
    const cardinalityElement = elementProp(loop, 'loopCardinality');
    const loopCardinality =
      cardinalityElement === null ? null : (stringProp(cardinalityElement, 'body') ?? '').trim();
    if (loopCardinality === '') {
      this.context.invalid(
        loop,
        'loopCardinality must be defined for a multiInstanceLoopCharacteristics definition',
      );
    }
    const completionConditionElement = elementProp(loop, 'completionCondition');
    const completionCondition =
      completionConditionElement === null
        ? null
        : (stringProp(completionConditionElement, 'body') ?? '').trim();
    const collection = stringProp(loop, 'collection');
    const elementVariable = stringProp(loop, 'elementVariable');
    if (loopCardinality === null && collection === null) {
      this.context.invalid(
        loop,
        'Either loopCardinality or camunda:collection must be set (loopDataInputRef is not supported)',
      );
    }
    if (collection === null && elementVariable !== null) {
      this.context.invalid(
        loop,
        'camunda:collection must be set when using camunda:elementVariable',
      );
    }
    const multiInstance: MultiInstanceDefinition = {
      sequential: booleanProp(loop, 'isSequential', false),
      loopCardinality: loopCardinality === '' ? null : loopCardinality,
      collection,
      elementVariable,
      completionCondition: completionCondition === '' ? null : completionCondition,
    };
    activity.multiInstance = multiInstance;
    activity.innerAsyncBefore =
      booleanProp(loop, 'asyncBefore', false) || booleanProp(loop, 'async', false);
    activity.innerAsyncAfter = booleanProp(loop, 'asyncAfter', false);
  }

  private parseStartEvent(
    element: ModdleElement,
    activity: Activity,
    containerKind: ContainerKind,
  ): void {
    setKind(activity, 'startEvent', 'startEvent');
    const definition = readEventDefinition(this.context, element, false);
    if (definition === null) {
      return;
    }
    activity.eventDefinition = definition;
    if (containerKind === 'subProcess') {
      if (definition.kind !== 'none') {
        this.context.invalid(
          element,
          `${definition.kind} start events are only allowed in event subprocesses; an embedded subprocess starts with a none start event`,
        );
      }
      return;
    }
    if (containerKind === 'eventSubProcess') {
      activity.interrupting = booleanProp(element, 'isInterrupting', true);
      const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
        message: 'messageStartEvent',
        timer: 'startTimerEvent',
        signal: 'signalStartEvent',
        conditional: 'conditionalStartEvent',
        error: 'errorStartEvent',
        escalation: 'escalationStartEvent',
      };
      const type = types[definition.kind];
      if (type === undefined) {
        this.context.invalid(
          element,
          "start event of event subprocess must be of type 'error', 'message', 'timer', 'signal', 'conditional' or 'escalation'",
        );
        return;
      }
      activity.activityType = type;
      if (definition.kind === 'error' && !activity.interrupting) {
        this.context.invalid(element, 'error start event of event subprocess must be interrupting');
      }
      return;
    }
    const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
      none: 'startEvent',
      message: 'messageStartEvent',
      timer: 'startTimerEvent',
      signal: 'signalStartEvent',
      conditional: 'conditionalStartEvent',
    };
    const type = types[definition.kind];
    if (type === undefined) {
      this.context.invalid(
        element,
        `${definition.kind} start events are only allowed in event subprocesses`,
      );
      return;
    }
    activity.activityType = type;
    if (definition.kind === 'message' && /[$#]\{/.test(definition.messageName)) {
      this.context.invalid(
        element,
        `Invalid message name '${definition.messageName}': expressions in the message start event name are not allowed!`,
      );
    }
  }

  private parseEndEvent(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'endEvent', 'noneEndEvent');
    const definition = readEventDefinition(this.context, element, true);
    if (definition === null) {
      return;
    }
    activity.eventDefinition = definition;
    const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
      none: 'noneEndEvent',
      terminate: 'terminateEndEvent',
      error: 'errorEndEvent',
      escalation: 'escalationEndEvent',
      signal: 'signalEndEvent',
      message: 'messageEndEvent',
    };
    const type = types[definition.kind];
    if (type === undefined) {
      this.context.invalid(
        element,
        `a ${definition.kind} event definition is not allowed on an end event`,
      );
      return;
    }
    activity.activityType = type;
    if (definition.kind === 'message') {
      this.parseMessageThrow(element, activity, 'messageEndEvent');
    }
  }

  private parseIntermediateCatchEvent(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'intermediateCatchEvent', 'intermediateTimer');
    const definition = readEventDefinition(this.context, element, false);
    if (definition === null) {
      return;
    }
    activity.eventDefinition = definition;
    const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
      timer: 'intermediateTimer',
      message: 'intermediateMessageCatch',
      signal: 'intermediateSignalCatch',
      conditional: 'intermediateConditional',
    };
    const type = types[definition.kind];
    if (type === undefined) {
      this.context.invalid(
        element,
        'Unsupported intermediate catch event type: it needs a timer, message, signal or conditional event definition',
      );
      return;
    }
    activity.activityType = type;
  }

  private parseIntermediateThrowEvent(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'intermediateThrowEvent', 'intermediateNoneThrowEvent');
    const definition = readEventDefinition(this.context, element, true);
    if (definition === null) {
      return;
    }
    activity.eventDefinition = definition;
    const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
      none: 'intermediateNoneThrowEvent',
      signal: 'intermediateSignalThrow',
      escalation: 'intermediateEscalationThrowEvent',
      message: 'intermediateMessageThrowEvent',
    };
    const type = types[definition.kind];
    if (type === undefined) {
      this.context.invalid(
        element,
        `a ${definition.kind} event definition is not allowed on an intermediate throw event`,
      );
      return;
    }
    activity.activityType = type;
    if (definition.kind === 'message') {
      this.parseMessageThrow(element, activity, 'intermediateMessageThrowEvent');
    }
  }

  /**
   * A message throw event runs like a service task when its message event definition names an
   * implementation (`camunda:expression`, …); without one it does nothing, and Camunda then reports
   * an intermediate one as `intermediateNoneThrowEvent`.
   */
  private parseMessageThrow(element: ModdleElement, activity: Activity, elementName: string): void {
    const [definition] = elementsProp(element, 'eventDefinitions');
    if (definition === undefined) {
      return;
    }
    if (hasServiceImplementation(definition)) {
      activity.service = readServiceImplementation(this.context, definition, elementName);
    } else if (activity.kind === 'intermediateThrowEvent') {
      activity.activityType = 'intermediateNoneThrowEvent';
    }
  }

  private parseBoundaryEvent(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'boundaryEvent', 'boundaryTimer');
    activity.attachedToRef = this.context.referenceId(element, 'attachedToRef');
    if (activity.attachedToRef === null) {
      this.context.invalid(element, "attribute 'attachedToRef' is required on a boundary event");
    }
    activity.interrupting = booleanProp(element, 'cancelActivity', true);
    const definition = readEventDefinition(this.context, element, false);
    if (definition === null) {
      return;
    }
    activity.eventDefinition = definition;
    const types: Partial<Record<EventDefinition['kind'], ActivityType>> = {
      timer: 'boundaryTimer',
      message: 'boundaryMessage',
      signal: 'boundarySignal',
      error: 'boundaryError',
      escalation: 'boundaryEscalation',
      conditional: 'boundaryConditional',
    };
    const type = types[definition.kind];
    if (type === undefined) {
      this.context.invalid(
        element,
        'Unsupported boundary event type: it needs a timer, message, signal, error, escalation or conditional event definition',
      );
      return;
    }
    activity.activityType = type;
    // An error always ends the activity that raised it, whatever cancelActivity says.
    if (definition.kind === 'error') {
      activity.interrupting = true;
    }
  }

  private parseUserTask(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'userTask', 'userTask');
    activity.assignee = stringProp(element, 'assignee');
    activity.candidateUsers = stringProp(element, 'candidateUsers');
    activity.candidateGroups = stringProp(element, 'candidateGroups');
    activity.dueDate = stringProp(element, 'dueDate');
    activity.followUpDate = stringProp(element, 'followUpDate');
    activity.priority = stringProp(element, 'priority');
    activity.formKey = stringProp(element, 'formKey');
    activity.taskListeners = readTaskListeners(this.context, element);
    if (elementsProp(element, 'resources').length > 0) {
      this.context.unsupported(
        element,
        'bpmn:humanPerformer / bpmn:potentialOwner are not supported; use camunda:assignee, camunda:candidateUsers or camunda:candidateGroups',
      );
    }
  }

  private parseSubProcess(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'subProcess', 'subProcess');
    activity.isContainer = true;
    activity.triggeredByEvent = booleanProp(element, 'triggeredByEvent', false);
    // Still walked as a subprocess, so that problems inside are reported in the same run.
    if (element.$type === 'bpmn:Transaction') {
      this.context.unsupported(element, 'transaction subprocesses are not supported');
    }
    if (element.$type === 'bpmn:AdHocSubProcess') {
      this.context.unsupported(element, 'ad-hoc subprocesses are not supported');
    }
    if (activity.triggeredByEvent && activity.multiInstance !== null) {
      this.context.invalid(element, 'an event subprocess cannot be multi-instance');
    }
  }

  private parseCallActivity(element: ModdleElement, activity: Activity): void {
    setKind(activity, 'callActivity', 'callActivity');
    const calledElement = stringProp(element, 'calledElement');
    if (stringProp(element, 'caseRef') !== null) {
      this.context.unsupported(element, 'calling CMMN cases (camunda:caseRef) is not supported');
    } else if (calledElement === null || calledElement === '') {
      this.context.invalid(element, "Missing attribute 'calledElement' or 'caseRef'");
    }
    activity.calledElement = calledElement;
    if (stringProp(element, 'variableMappingClass') !== null) {
      this.context.unsupported(
        element,
        'Java variable mapping classes (camunda:variableMappingClass) cannot run in this engine; use camunda:in / camunda:out',
      );
    }
    if (stringProp(element, 'variableMappingDelegateExpression') !== null) {
      this.context.unsupported(
        element,
        'variable mapping delegates (camunda:variableMappingDelegateExpression) are not supported; use camunda:in / camunda:out',
      );
    }
    const binding = stringProp(element, 'calledElementBinding');
    if (binding !== null) {
      if (!CALLED_ELEMENT_BINDINGS.has(binding)) {
        this.context.invalid(
          element,
          `Invalid camunda:calledElementBinding '${binding}': must be one of latest, deployment, version, versionTag`,
        );
      } else {
        activity.calledElementBinding = binding as NonNullable<Activity['calledElementBinding']>;
      }
    }
    activity.calledElementVersion = stringProp(element, 'calledElementVersion');
    activity.calledElementVersionTag = stringProp(element, 'calledElementVersionTag');
    if (binding === 'version' && activity.calledElementVersion === null) {
      this.context.invalid(
        element,
        "Missing attribute 'calledElementVersion' when 'calledElementBinding' has value 'version'",
      );
    }
    if (binding === 'versionTag' && activity.calledElementVersionTag === null) {
      this.context.invalid(
        element,
        "Missing attribute 'calledElementVersionTag' when 'calledElementBinding' has value 'versionTag'",
      );
    }
    const { callIn, callOut } = readCallMappings(this.context, element);
    activity.callIn = callIn;
    activity.callOut = callOut;
  }

  /** `camunda:inputOutput`, on the element types where Camunda allows it. */
  private parseInputOutput(element: ModdleElement, activity: Activity): void {
    const inputOutput = readInputOutput(this.context, element);
    if (!inputOutput.present) {
      return;
    }
    const tag = tagName(element).replace(/^bpmn:/, '');
    if (
      GATEWAY_KINDS.has(activity.kind) ||
      activity.kind === 'startEvent' ||
      activity.kind === 'boundaryEvent'
    ) {
      this.context.invalid(
        element,
        `camunda:inputOutput mapping unsupported for element type '${tag}'.`,
      );
      return;
    }
    if (activity.triggeredByEvent) {
      this.context.invalid(
        element,
        `camunda:inputOutput mapping unsupported for element type '${tag}' with attribute 'triggeredByEvent = true'.`,
      );
      return;
    }
    if (inputOutput.outputParameters.length > 0) {
      if (activity.kind === 'endEvent') {
        this.context.invalid(
          element,
          `camunda:outputParameter not allowed for element type '${tag}'.`,
        );
        return;
      }
      if (activity.multiInstance !== null) {
        this.context.invalid(
          element,
          'camunda:outputParameter not allowed for multi-instance constructs',
        );
        return;
      }
    }
    activity.inputParameters = inputOutput.inputParameters;
    activity.outputParameters = inputOutput.outputParameters;
  }

  /**
   * Sequence flows → `sequenceFlows`, and the activities' `incoming`/`outgoing` (derived from
   * sourceRef/targetRef; `bpmn:incoming`/`bpmn:outgoing` are only hints for modelers). A flow may
   * not leave its (sub)process, as in Camunda.
   */
  private linkSequenceFlows(): void {
    let anonymousFlows = 0;
    for (const { element, parentId } of this.flowElements) {
      // Camunda accepts flows without an id; they still need a key here. '#' cannot occur in an
      // XML id, so a generated key never collides with a real one.
      const declaredId = idOf(element);
      const id = declaredId ?? `#flow${++anonymousFlows}`;
      const sourceRef = this.context.referenceId(element, 'sourceRef');
      const targetRef = this.context.referenceId(element, 'targetRef');
      const source = sourceRef === null ? undefined : this.activities[sourceRef];
      const target = targetRef === null ? undefined : this.activities[targetRef];
      const conditionElement = elementProp(element, 'conditionExpression');
      let condition: string | null = null;
      if (conditionElement !== null) {
        if (isScript(conditionElement)) {
          this.context.unsupported(
            element,
            'script conditions need a script engine, which this engine does not have; use a ${...} expression',
          );
        }
        const text = (stringProp(conditionElement, 'body') ?? '').trim();
        condition = text === '' ? null : text;
      }
      this.sequenceFlows[id] = {
        id,
        name: stringProp(element, 'name'),
        sourceRef: sourceRef ?? '',
        targetRef: targetRef ?? '',
        condition,
        listeners: readExecutionListeners(this.context, element, 'sequenceFlow'),
      };
      if (source === undefined || source.parentId !== parentId) {
        this.context.invalid(
          element,
          `Invalid source '${sourceRef ?? ''}' of sequence flow '${id}'`,
        );
      } else if (source.triggeredByEvent) {
        this.context.invalid(element, 'Invalid outgoing sequence flow of event subprocess');
      } else {
        source.outgoing.push(id);
        if (declaredId === null && source.asyncAfter) {
          this.context.invalid(
            element,
            `Sequence flow with sourceRef='${source.id}' must have an id, activity with id '${source.id}' uses 'asyncAfter'.`,
          );
        }
      }
      if (target === undefined || target.parentId !== parentId) {
        this.context.invalid(
          element,
          `Invalid destination '${targetRef ?? ''}' of sequence flow '${id}'`,
        );
      } else if (target.triggeredByEvent) {
        this.context.invalid(element, 'Invalid incoming sequence flow of event subprocess');
      } else {
        target.incoming.push(id);
      }
    }
  }

  private linkBoundaryEvents(): void {
    for (const boundary of Object.values(this.activities)) {
      if (boundary.kind !== 'boundaryEvent' || boundary.attachedToRef === null) {
        continue;
      }
      const element = this.elements.get(boundary.id);
      const attached = this.activities[boundary.attachedToRef];
      if (element === undefined) {
        continue;
      }
      if (
        attached === undefined ||
        attached.parentId !== boundary.parentId ||
        !ATTACHABLE_KINDS.has(attached.kind) ||
        attached.triggeredByEvent
      ) {
        this.context.invalid(
          element,
          `Invalid reference in boundary event: '${boundary.attachedToRef}' must be an activity defined in the same scope as the boundary event`,
        );
        continue;
      }
      attached.boundaryEventIds.push(boundary.id);
      if (
        boundary.activityType === 'boundaryEscalation' &&
        !['subProcess', 'callActivity', 'userTask'].includes(attached.kind)
      ) {
        this.context.invalid(
          element,
          'An escalation boundary event should only be attached to a subprocess, a call activity or an user task',
        );
      }
    }
  }

  /** How many start events each container may have, as Camunda checks. */
  private checkStartEvents(processId: string, process: ProcessModel): void {
    const exclusiveStarts = process.startEventIds.filter((id) =>
      ['startEvent', 'startTimerEvent'].includes(this.activities[id]?.activityType ?? ''),
    );
    for (const id of exclusiveStarts.slice(1)) {
      this.reportAt(
        id,
        'multiple none start events or timer start events not supported on process definition',
      );
    }
    const seen = new Set<string>();
    for (const id of process.startEventIds) {
      const definition = this.activities[id]?.eventDefinition;
      const name =
        definition?.kind === 'message'
          ? definition.messageName
          : definition?.kind === 'signal'
            ? definition.signalName
            : null;
      if (definition === undefined || name === null) {
        continue;
      }
      const key = `${definition.kind}:${name}`;
      if (seen.has(key)) {
        this.reportAt(
          id,
          `Cannot have more than one ${definition.kind} event subscription with name '${name}' for scope '${processId}'`,
        );
      }
      seen.add(key);
    }
    for (const subProcess of Object.values(this.activities)) {
      if (!subProcess.isContainer) {
        continue;
      }
      const [, ...extra] = subProcess.startEventIds;
      if (subProcess.startEventIds.length === 0) {
        this.reportAt(subProcess.id, 'subProcess must define a startEvent element');
      }
      for (const id of extra) {
        this.reportAt(id, 'multiple start events not supported for subprocess');
      }
    }
  }

  /** Camunda's checks of exclusive and event-based gateways. */
  private checkGateways(): void {
    for (const gateway of Object.values(this.activities)) {
      if (gateway.kind === 'exclusiveGateway') {
        this.checkExclusiveGateway(gateway);
      }
      if (gateway.kind !== 'eventBasedGateway') {
        continue;
      }
      for (const flowId of gateway.outgoing) {
        const target = this.activities[this.sequenceFlows[flowId]?.targetRef ?? ''];
        if (target === undefined) {
          continue;
        }
        if (target.kind !== 'intermediateCatchEvent') {
          this.reportAt(
            gateway.id,
            'Event based gateway can only be connected to elements of type intermediateCatchEvent',
            [target.id],
          );
          continue;
        }
        for (const incoming of target.incoming) {
          const source = this.activities[this.sequenceFlows[incoming]?.sourceRef ?? ''];
          if (source !== undefined && source.kind !== 'eventBasedGateway') {
            this.reportAt(
              target.id,
              `Invalid incoming sequenceflow for intermediateCatchEvent with id '${target.id}' connected to an event-based gateway.`,
              [incoming],
            );
          }
        }
      }
    }
  }

  private checkExclusiveGateway(gateway: Activity): void {
    const flows = gateway.outgoing.flatMap((id) => this.sequenceFlows[id] ?? []);
    const [onlyFlow] = flows;
    if (onlyFlow === undefined) {
      this.reportAt(
        gateway.id,
        `Exclusive Gateway '${gateway.id}' has no outgoing sequence flows.`,
      );
      return;
    }
    if (flows.length === 1) {
      if (onlyFlow.condition !== null) {
        this.reportAt(
          gateway.id,
          `Exclusive Gateway '${gateway.id}' has only one outgoing sequence flow ('${onlyFlow.id}'). This is not allowed to have a condition.`,
          [onlyFlow.id],
        );
      }
      return;
    }
    const withoutCondition = flows.filter(
      (flow) => flow.condition === null && flow.id !== gateway.defaultFlow,
    );
    for (const flow of flows) {
      if (flow.condition !== null && flow.id === gateway.defaultFlow) {
        this.reportAt(
          gateway.id,
          `Exclusive Gateway '${gateway.id}' has outgoing sequence flow '${flow.id}' which is the default flow but has a condition too.`,
          [flow.id],
        );
      }
    }
    // With a default flow, or more than one unconditional flow, an unconditional non-default flow is
    // an error; a single one without a default is tolerated (Camunda only warns and takes it).
    if (gateway.defaultFlow !== null || withoutCondition.length > 1) {
      for (const flow of withoutCondition) {
        this.reportAt(
          gateway.id,
          `Exclusive Gateway '${gateway.id}' has outgoing sequence flow '${flow.id}' without condition which is not the default flow.`,
          [flow.id],
        );
      }
    }
  }

  private checkDefaultFlows(): void {
    for (const activity of Object.values(this.activities)) {
      if (activity.defaultFlow === null || activity.outgoing.includes(activity.defaultFlow)) {
        continue;
      }
      this.reportAt(
        activity.id,
        `the default flow '${activity.defaultFlow}' is not an outgoing sequence flow of this element`,
        [activity.defaultFlow],
      );
    }
  }

  private reportAt(activityId: string, message: string, relatedIds: string[] = []): void {
    const element = this.elements.get(activityId);
    if (element !== undefined) {
      this.context.invalid(element, message, relatedIds);
    }
  }
}

function setKind(activity: Activity, kind: ActivityKind, activityType: ActivityType): void {
  activity.kind = kind;
  activity.activityType = activityType;
}
