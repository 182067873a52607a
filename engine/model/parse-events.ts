/**
 * Start, end, intermediate and boundary events, as Camunda's `BpmnParse.parseStartEvents`,
 * `parseEndEvents`, `parseIntermediateCatchEvent`, `parseIntermediateThrowEvent` and
 * `parseBoundaryEvents` type them.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { booleanProp, elementsProp } from './moddle-element';
import { hasServiceImplementation, readServiceImplementation } from './parse-camunda-extensions';
import type { ParseContext } from './parse-context';
import { readEventDefinition } from './parse-event-definition';
import type { Activity, ActivityType, EventDefinition } from './process-model';
import { setKind } from './parse-activities';

/** What contains a flow node: a start event's allowed definitions depend on it. */
export type ContainerKind = 'process' | 'subProcess' | 'eventSubProcess';

export function parseStartEvent(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
  containerKind: ContainerKind,
): void {
  setKind(activity, 'startEvent', 'startEvent');
  const definition = readEventDefinition(context, element, false);
  if (definition === null) {
    return;
  }
  activity.eventDefinition = definition;
  if (containerKind === 'subProcess') {
    if (definition.kind !== 'none') {
      context.invalid(
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
      context.invalid(
        element,
        "start event of event subprocess must be of type 'error', 'message', 'timer', 'signal', 'conditional' or 'escalation'",
      );
      return;
    }
    activity.activityType = type;
    if (definition.kind === 'error' && !activity.interrupting) {
      context.invalid(element, 'error start event of event subprocess must be interrupting');
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
    context.invalid(
      element,
      `${definition.kind} start events are only allowed in event subprocesses`,
    );
    return;
  }
  activity.activityType = type;
  if (definition.kind === 'message' && /[$#]\{/.test(definition.messageName)) {
    context.invalid(
      element,
      `Invalid message name '${definition.messageName}': expressions in the message start event name are not allowed!`,
    );
  }
}

export function parseEndEvent(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'endEvent', 'noneEndEvent');
  const definition = readEventDefinition(context, element, true);
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
    context.invalid(
      element,
      `a ${definition.kind} event definition is not allowed on an end event`,
    );
    return;
  }
  activity.activityType = type;
  if (definition.kind === 'message') {
    parseMessageThrow(context, element, activity, 'messageEndEvent');
  }
}

export function parseIntermediateCatchEvent(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'intermediateCatchEvent', 'intermediateTimer');
  const definition = readEventDefinition(context, element, false);
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
    context.invalid(
      element,
      'Unsupported intermediate catch event type: it needs a timer, message, signal or conditional event definition',
    );
    return;
  }
  activity.activityType = type;
}

export function parseIntermediateThrowEvent(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'intermediateThrowEvent', 'intermediateNoneThrowEvent');
  const definition = readEventDefinition(context, element, true);
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
    context.invalid(
      element,
      `a ${definition.kind} event definition is not allowed on an intermediate throw event`,
    );
    return;
  }
  activity.activityType = type;
  if (definition.kind === 'message') {
    parseMessageThrow(context, element, activity, 'intermediateMessageThrowEvent');
  }
}

/**
 * A message throw event runs like a service task when its message event definition names an
 * implementation (`camunda:expression`, …); without one it does nothing, and Camunda then reports
 * an intermediate one as `intermediateNoneThrowEvent`.
 */
function parseMessageThrow(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
  elementName: string,
): void {
  const [definition] = elementsProp(element, 'eventDefinitions');
  if (definition === undefined) {
    return;
  }
  if (hasServiceImplementation(definition)) {
    activity.service = readServiceImplementation(context, definition, elementName);
  } else if (activity.kind === 'intermediateThrowEvent') {
    activity.activityType = 'intermediateNoneThrowEvent';
  }
}

export function parseBoundaryEvent(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'boundaryEvent', 'boundaryTimer');
  activity.attachedToRef = context.referenceId(element, 'attachedToRef');
  if (activity.attachedToRef === null) {
    context.invalid(element, "attribute 'attachedToRef' is required on a boundary event");
  }
  activity.interrupting = booleanProp(element, 'cancelActivity', true);
  const definition = readEventDefinition(context, element, false);
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
    context.invalid(
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
