/**
 * Event definitions (`<bpmn:messageEventDefinition>` and friends) → `EventDefinition`, with the
 * checks Camunda makes while parsing them. Whether a definition is allowed on a given kind of event
 * is decided by the caller; this module only reads one definition.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { bodyText, elementProp, elementsProp, stringProp } from './moddle-element';
import type { ParseContext } from './parse-context';
import type { EventDefinition, TimerDefinition } from './process-model';

/**
 * The event definition of an event; `{ kind: 'none' }` when it has none, null when a problem was
 * reported (so that the caller does not report a follow-up problem about the same element).
 * `throwing` selects Camunda's rules for throw events (an error end event must name an error code).
 */
export function readEventDefinition(
  context: ParseContext,
  event: ModdleElement,
  throwing: boolean,
): EventDefinition | null {
  const definitions = elementsProp(event, 'eventDefinitions');
  if (elementsProp(event, 'eventDefinitionRef').length > 0) {
    context.unsupported(
      event,
      'references to global event definitions (eventDefinitionRef) are not supported; define the event definition inside the event',
    );
    return null;
  }
  const [definition, ...more] = definitions;
  if (definition === undefined) {
    return { kind: 'none' };
  }
  if (more.length > 0) {
    context.unsupported(
      event,
      'an event with more than one event definition (multiple / parallel multiple event) is not supported',
    );
    return null;
  }
  switch (definition.$type) {
    case 'bpmn:MessageEventDefinition':
      return readMessage(context, definition, throwing);
    case 'bpmn:SignalEventDefinition':
      return readSignal(context, definition);
    case 'bpmn:TimerEventDefinition': {
      const timer = readTimer(context, definition);
      return timer === null ? null : { kind: 'timer', timer };
    }
    case 'bpmn:ErrorEventDefinition':
      return readError(context, definition, throwing);
    case 'bpmn:EscalationEventDefinition':
      return readEscalation(context, definition, throwing);
    case 'bpmn:ConditionalEventDefinition':
      return readConditional(context, definition);
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    case 'bpmn:CompensateEventDefinition':
      context.unsupported(event, 'compensation events are not supported');
      return null;
    case 'bpmn:LinkEventDefinition':
      context.unsupported(
        event,
        'link events are not supported; connect the elements with a sequence flow',
      );
      return null;
    case 'bpmn:CancelEventDefinition':
      context.unsupported(
        event,
        'cancel events belong to transaction subprocesses, which are not supported',
      );
      return null;
    default:
      context.unsupported(event, `the event definition '${definition.$type}' is not supported`);
      return null;
  }
}

/**
 * The name of the message a `messageRef` points to. Camunda correlates by message name, so that is
 * what the model keeps. A throw event may omit the message (it then behaves like a none event);
 * its name is then ''.
 */
export function readMessageName(
  context: ParseContext,
  holder: ModdleElement,
  throwing: boolean,
): string | null {
  const messageId = context.referenceId(holder, 'messageRef');
  const message = context.resolve(holder, 'messageRef');
  if (throwing) {
    return message === null ? '' : (stringProp(message, 'name') ?? '');
  }
  if (messageId === null) {
    context.invalid(holder, "attribute 'messageRef' is required");
    return null;
  }
  if (message === null) {
    context.invalid(holder, `Invalid 'messageRef': no message with id '${messageId}' found.`);
    return null;
  }
  const name = stringProp(message, 'name');
  if (name === null || name === '') {
    context.invalid(
      holder,
      `Cannot have a message event subscription with an empty or missing name (message '${messageId}')`,
    );
    return null;
  }
  return name;
}

function readMessage(
  context: ParseContext,
  definition: ModdleElement,
  throwing: boolean,
): EventDefinition | null {
  const messageName = readMessageName(context, definition, throwing);
  return messageName === null ? null : { kind: 'message', messageName };
}

function readSignal(context: ParseContext, definition: ModdleElement): EventDefinition | null {
  const signalId = context.referenceId(definition, 'signalRef');
  if (signalId === null) {
    context.invalid(
      definition,
      "signalEventDefinition does not have required property 'signalRef'",
    );
    return null;
  }
  const signal = context.resolve(definition, 'signalRef');
  if (signal === null) {
    context.invalid(definition, `Could not find signal with id '${signalId}'`);
    return null;
  }
  // A signal without a name is reported once, with the other signal checks (see checkSignals).
  return { kind: 'signal', signalName: stringProp(signal, 'name') ?? '' };
}

/** `timeDate`, `timeCycle` or `timeDuration`, in Camunda's order of precedence. */
export function readTimer(
  context: ParseContext,
  definition: ModdleElement,
): TimerDefinition | null {
  const date = bodyText(elementProp(definition, 'timeDate'));
  if (date) {
    return { kind: 'date', expression: date };
  }
  const cycle = bodyText(elementProp(definition, 'timeCycle'));
  if (cycle) {
    return { kind: 'cycle', expression: cycle };
  }
  const duration = bodyText(elementProp(definition, 'timeDuration'));
  if (duration) {
    return { kind: 'duration', expression: duration };
  }
  context.invalid(
    definition,
    'Timer needs configuration (either timeDate, timeCycle or timeDuration is needed).',
  );
  return null;
}

function readError(
  context: ParseContext,
  definition: ModdleElement,
  throwing: boolean,
): EventDefinition | null {
  const errorId = context.referenceId(definition, 'errorRef');
  const error = context.resolve(definition, 'errorRef');
  if (throwing) {
    if (errorId === null || errorId === '') {
      context.invalid(definition, "'errorRef' attribute is mandatory on error end event");
      return null;
    }
    // Camunda throws the raw reference as the code when no error has that id.
    if (error === null) {
      return { kind: 'error', errorCode: errorId };
    }
    const errorCode = stringProp(error, 'errorCode');
    if (errorCode === null || errorCode === '') {
      context.invalid(
        definition,
        `'errorCode' is mandatory on errors referenced by throwing error event definitions, but the error '${errorId}' does not define one.`,
      );
      return null;
    }
    const errorMessage = stringProp(error, 'errorMessage');
    return { kind: 'error', errorCode, ...(errorMessage === null ? {} : { errorMessage }) };
  }
  // Catching: no errorRef catches every error; an unknown errorRef is taken as the code itself.
  const errorCode =
    errorId === null ? null : error === null ? errorId : stringProp(error, 'errorCode');
  const errorCodeVariable = stringProp(definition, 'errorCodeVariable');
  const errorMessageVariable = stringProp(definition, 'errorMessageVariable');
  return {
    kind: 'error',
    errorCode,
    ...(errorCodeVariable === null ? {} : { errorCodeVariable }),
    ...(errorMessageVariable === null ? {} : { errorMessageVariable }),
  };
}

function readEscalation(
  context: ParseContext,
  definition: ModdleElement,
  throwing: boolean,
): EventDefinition | null {
  const escalationId = context.referenceId(definition, 'escalationRef');
  const escalation = context.resolve(definition, 'escalationRef');
  if (escalationId === null) {
    if (!throwing) {
      return withEscalationVariable(definition, { kind: 'escalation', escalationCode: null });
    }
    context.invalid(
      definition,
      "escalationEventDefinition does not have required attribute 'escalationRef'",
    );
    return null;
  }
  if (escalation === null) {
    context.invalid(definition, `could not find escalation with id '${escalationId}'`);
    return null;
  }
  const code = stringProp(escalation, 'escalationCode');
  const escalationCode = code === '' ? null : code;
  if (throwing) {
    if (escalationCode === null) {
      context.invalid(definition, "throwing escalation event must have an 'escalationCode'");
      return null;
    }
    return { kind: 'escalation', escalationCode };
  }
  return withEscalationVariable(definition, { kind: 'escalation', escalationCode });
}

function withEscalationVariable(
  definition: ModdleElement,
  event: EventDefinition & { kind: 'escalation' },
): EventDefinition {
  const escalationCodeVariable = stringProp(definition, 'escalationCodeVariable');
  return escalationCodeVariable === null ? event : { ...event, escalationCodeVariable };
}

function readConditional(context: ParseContext, definition: ModdleElement): EventDefinition | null {
  const conditionElement = elementProp(definition, 'condition');
  if (conditionElement !== null && isScript(conditionElement)) {
    context.unsupported(
      definition,
      'script conditions need a script engine, which this engine does not have',
    );
    return null;
  }
  const condition = bodyText(conditionElement);
  if (!condition) {
    context.invalid(definition, 'Conditional event must contain an expression for evaluation.');
    return null;
  }
  const variableName = stringProp(definition, 'variableName');
  const variableEvents = (stringProp(definition, 'variableEvents') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return {
    kind: 'conditional',
    condition,
    ...(variableName === null ? {} : { variableName }),
    ...(variableEvents.length === 0 ? {} : { variableEvents }),
  };
}

/**
 * A condition written in a script language (`language="groovy"`, or a `camunda:resource`) rather
 * than as an expression. Without `xsi:type="tFormalExpression"` moddle does not know `language`
 * and keeps it among the unknown attributes.
 */
export function isScript(expression: ModdleElement): boolean {
  const language = stringProp(expression, 'language') ?? expression.$attrs?.['language'] ?? null;
  return language !== null || stringProp(expression, 'resource') !== null;
}
