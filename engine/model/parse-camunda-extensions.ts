/**
 * Camunda extensions that several element types share: listeners, input/output mappings, call
 * activity variable mappings and service implementations. Anything that would need a JVM (Java
 * classes, field injection into beans) or a script engine is reported as unsupported here, so that
 * deployment fails instead of an instance failing later.
 */
import type { ModdleElement } from 'bpmn-moddle';
import {
  booleanProp,
  elementProp,
  elementsProp,
  extensionElements,
  stringProp,
  tagName,
} from './moddle-element';
import type { ParseContext } from './parse-context';
import { readTimer } from './parse-event-definition';
import type {
  CallVariableMapping,
  IoParameter,
  ListenerDefinition,
  ServiceImplementation,
} from './process-model';

const TASK_LISTENER_EVENTS = new Set([
  'create',
  'assignment',
  'complete',
  'update',
  'delete',
  'timeout',
]);

/**
 * `camunda:executionListener`s of an activity, the process or a sequence flow. On a sequence flow
 * the event is always `take`: Camunda ignores the attribute there.
 */
export function readExecutionListeners(
  context: ParseContext,
  element: ModdleElement,
  scope: 'flowNode' | 'sequenceFlow',
): ListenerDefinition[] {
  const listeners: ListenerDefinition[] = [];
  for (const listener of extensionElements(element, 'camunda:ExecutionListener')) {
    let event = 'take';
    if (scope === 'flowNode') {
      const name = stringProp(listener, 'event');
      if (name === null || name.trim() === '') {
        context.invalid(listener, "Attribute 'event' is mandatory on listener");
        continue;
      }
      if (name !== 'start' && name !== 'end') {
        context.invalid(listener, "Attribute 'event' must be one of {start|end}");
        continue;
      }
      event = name;
    }
    const implementation = readListenerImplementation(context, listener, 'executionListener');
    if (implementation !== null) {
      listeners.push({ event, ...implementation });
    }
  }
  return listeners;
}

/** `camunda:taskListener`s of a user task; a `timeout` listener also carries its id and timer. */
export function readTaskListeners(
  context: ParseContext,
  userTask: ModdleElement,
): ListenerDefinition[] {
  const listeners: ListenerDefinition[] = [];
  for (const listener of extensionElements(userTask, 'camunda:TaskListener')) {
    const event = stringProp(listener, 'event');
    if (event === null) {
      context.invalid(listener, "Attribute 'event' is mandatory on taskListener");
      continue;
    }
    if (!TASK_LISTENER_EVENTS.has(event)) {
      context.invalid(
        listener,
        "Attribute 'event' must be one of {create|assignment|complete|update|delete|timeout}",
      );
      continue;
    }
    const implementation = readListenerImplementation(context, listener, 'taskListener');
    if (implementation === null) {
      continue;
    }
    if (event !== 'timeout') {
      listeners.push({ event, ...implementation });
      continue;
    }
    const id = stringProp(listener, 'id');
    if (id === null) {
      context.invalid(listener, "Element 'id' is mandatory on taskListener of type 'timeout'");
    }
    const [timerDefinition] = elementsProp(listener, 'eventDefinitions');
    if (timerDefinition === undefined) {
      context.invalid(
        listener,
        "Element 'timerEventDefinition' is mandatory on taskListener of type 'timeout'",
      );
      continue;
    }
    const timer = readTimer(context, timerDefinition);
    if (id !== null && timer !== null) {
      listeners.push({ event, ...implementation, id, timer });
    }
  }
  return listeners;
}

type ListenerImplementation = Pick<ListenerDefinition, 'expression' | 'delegateExpression'>;

function readListenerImplementation(
  context: ParseContext,
  listener: ModdleElement,
  kind: 'executionListener' | 'taskListener',
): ListenerImplementation | null {
  // Checked in Camunda's order: class, expression, delegateExpression, script.
  if (stringProp(listener, 'class') !== null) {
    context.unsupported(
      listener,
      'Java listener classes cannot run in this engine; use camunda:expression or camunda:delegateExpression',
    );
    return null;
  }
  const expression = stringProp(listener, 'expression');
  if (expression !== null) {
    return { expression };
  }
  const delegateExpression = stringProp(listener, 'delegateExpression');
  if (delegateExpression !== null) {
    if (delegateExpression === '') {
      context.invalid(listener, "Attribute 'delegateExpression' cannot be empty");
      return null;
    }
    if (!checkNoFieldInjection(context, listener)) {
      return null;
    }
    return { delegateExpression };
  }
  if (elementProp(listener, 'script') !== null) {
    context.unsupported(
      listener,
      'script listeners need a script engine, which this engine does not have',
    );
    return null;
  }
  context.invalid(
    listener,
    `Element 'class', 'expression', 'delegateExpression' or 'script' is mandatory on ${kind}`,
  );
  return null;
}

function checkNoFieldInjection(context: ParseContext, element: ModdleElement): boolean {
  const fields = [
    ...elementsProp(element, 'fields'),
    ...extensionElements(element, 'camunda:Field'),
  ];
  if (fields.length === 0) {
    return true;
  }
  context.unsupported(
    element,
    'field injection (camunda:field) is not supported; pass values through variables or input parameters instead',
  );
  return false;
}

export interface InputOutput {
  /** Whether the element has a `camunda:inputOutput` at all (some element types may not). */
  present: boolean;
  inputParameters: IoParameter[];
  outputParameters: IoParameter[];
}

/** The `camunda:inputOutput` of an element. Lists, maps and scripts as values are not supported. */
export function readInputOutput(context: ParseContext, element: ModdleElement): InputOutput {
  const [inputOutput] = extensionElements(element, 'camunda:InputOutput');
  if (inputOutput === undefined) {
    return { present: false, inputParameters: [], outputParameters: [] };
  }
  const read = (parameters: ModdleElement[], kind: string): IoParameter[] =>
    parameters.flatMap((parameter) => {
      const value = readIoParameter(context, parameter, kind);
      return value === null ? [] : [value];
    });
  return {
    present: true,
    inputParameters: read(elementsProp(inputOutput, 'inputParameters'), 'inputParameter'),
    outputParameters: read(elementsProp(inputOutput, 'outputParameters'), 'outputParameter'),
  };
}

function readIoParameter(
  context: ParseContext,
  parameter: ModdleElement,
  kind: string,
): IoParameter | null {
  const name = stringProp(parameter, 'name');
  if (name === null || name === '') {
    context.invalid(parameter, `Missing attribute 'name' for ${kind}`);
    return null;
  }
  const definition = elementProp(parameter, 'definition');
  if (definition !== null) {
    const what =
      definition.$type === 'camunda:Script'
        ? 'script values need a script engine, which this engine does not have'
        : `${tagName(definition)} values are not supported`;
    context.unsupported(
      parameter,
      `${kind} '${name}': ${what}; use a text value or a \${...} expression`,
    );
    return null;
  }
  // Camunda trims the text and maps an empty parameter to null.
  const text = stringProp(parameter, 'value')?.trim() ?? '';
  return { name, value: text === '' ? null : text };
}

/** `camunda:in` / `camunda:out` of a call activity, validated strictly as Camunda does by default. */
export function readCallMappings(
  context: ParseContext,
  callActivity: ModdleElement,
): { callIn: CallVariableMapping[]; callOut: CallVariableMapping[] } {
  const callIn: CallVariableMapping[] = [];
  for (const mapping of extensionElements(callActivity, 'camunda:In')) {
    const businessKey = stringProp(mapping, 'businessKey');
    if (businessKey !== null && businessKey !== '') {
      callIn.push({ businessKey });
      continue;
    }
    const parsed = readVariableMapping(context, mapping);
    if (parsed !== null) {
      callIn.push(parsed);
    }
  }
  const callOut: CallVariableMapping[] = [];
  for (const mapping of extensionElements(callActivity, 'camunda:Out')) {
    const parsed = readVariableMapping(context, mapping);
    if (parsed !== null) {
      callOut.push(parsed);
    }
  }
  return { callIn, callOut };
}

function readVariableMapping(
  context: ParseContext,
  mapping: ModdleElement,
): CallVariableMapping | null {
  const local = booleanProp(mapping, 'local', false) ? { local: true } : {};
  if (stringProp(mapping, 'variables') === 'all') {
    return { all: true, ...local };
  }
  const source = stringProp(mapping, 'source');
  const sourceExpression = stringProp(mapping, 'sourceExpression');
  let from: Pick<CallVariableMapping, 'source' | 'sourceExpression'>;
  if (source !== null) {
    if (source === '') {
      context.invalid(mapping, "Empty attribute 'source' when passing variables");
      return null;
    }
    from = { source };
  } else if (sourceExpression !== null) {
    if (sourceExpression === '') {
      context.invalid(mapping, "Empty attribute 'sourceExpression' when passing variables");
      return null;
    }
    from = { sourceExpression };
  } else {
    context.invalid(
      mapping,
      "Missing parameter 'source' or 'sourceExpression' when passing variables",
    );
    return null;
  }
  const target = stringProp(mapping, 'target');
  if (target === null || target === '') {
    const problem = target === null ? 'Missing' : 'Empty';
    context.invalid(
      mapping,
      `${problem} attribute 'target' when attribute 'source' or 'sourceExpression' is set`,
    );
    return null;
  }
  return { ...from, target, ...local };
}

/**
 * Whether an element is "service task like" in Camunda's sense: it names an implementation. A send
 * task or message throw event without one behaves differently (rejected, or a none event).
 */
export function hasServiceImplementation(holder: ModdleElement): boolean {
  return (
    ['class', 'expression', 'delegateExpression', 'type'].some(
      (name) => stringProp(holder, name) !== null,
    ) || extensionElements(holder, 'camunda:Connector').length > 0
  );
}

/**
 * The implementation of a service task, send task, business rule task or message throw event
 * (`holder` is the message event definition for the latter). `elementName` is used in messages,
 * as Camunda does ("… is mandatory on serviceTask.").
 */
export function readServiceImplementation(
  context: ParseContext,
  holder: ModdleElement,
  elementName: string,
): ServiceImplementation | null {
  const type = stringProp(holder, 'type');
  const className = stringProp(holder, 'class');
  const expression = stringProp(holder, 'expression');
  const delegateExpression = stringProp(holder, 'delegateExpression');
  const resultVariable =
    stringProp(holder, 'resultVariable') ?? holder.$attrs?.['camunda:resultVariableName'] ?? null;

  if (type !== null) {
    if (type.toLowerCase() !== 'external') {
      context.unsupported(
        holder,
        `camunda:type="${type}" is not supported; the only supported type is camunda:type="external" with camunda:topic`,
      );
      return null;
    }
    const topic = stringProp(holder, 'topic');
    if (topic === null) {
      context.invalid(
        holder,
        "External tasks must specify a 'topic' attribute in the camunda namespace",
      );
      return null;
    }
    return { kind: 'external', topic };
  }
  if (className !== null && className.trim() !== '') {
    context.unsupported(
      holder,
      'Java delegate classes cannot run in this engine; use camunda:expression, camunda:delegateExpression or camunda:type="external"',
    );
    return null;
  }
  if (delegateExpression !== null) {
    if (resultVariable !== null) {
      context.invalid(
        holder,
        `'resultVariableName' not supported for ${elementName} elements using 'delegateExpression'`,
      );
      return null;
    }
    if (!checkNoFieldInjection(context, holder)) {
      return null;
    }
    return { kind: 'delegateExpression', expression: delegateExpression };
  }
  if (expression !== null && expression.trim() !== '') {
    return {
      kind: 'expression',
      expression,
      ...(resultVariable === null ? {} : { resultVariable }),
    };
  }
  if (extensionElements(holder, 'camunda:Connector').length > 0) {
    context.unsupported(
      holder,
      'connectors (camunda:connector) are not supported; use camunda:expression, camunda:delegateExpression or camunda:type="external"',
    );
    return null;
  }
  context.invalid(
    holder,
    `One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on ${elementName}.`,
  );
  return null;
}
