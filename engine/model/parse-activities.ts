/**
 * Tasks, subprocesses, call activities, multi-instance loop characteristics and input/output
 * mappings, as Camunda's `BpmnParse.parseUserTask`, `parseSubProcess`, `parseCallActivity`,
 * `parseMultiInstanceLoopCharacteristics` and `parseInputOutput` (via `BpmnParseUtil`) read them.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { booleanProp, elementProp, elementsProp, stringProp, tagName } from './moddle-element';
import { readCallMappings, readInputOutput, readTaskListeners } from './parse-camunda-extensions';
import type { ParseContext } from './parse-context';
import type {
  Activity,
  ActivityKind,
  ActivityType,
  MultiInstanceDefinition,
} from './process-model';

const GATEWAY_KINDS = new Set<ActivityKind>([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
]);

const CALLED_ELEMENT_BINDINGS = new Set(['latest', 'deployment', 'version', 'versionTag']);

export function setKind(activity: Activity, kind: ActivityKind, activityType: ActivityType): void {
  activity.kind = kind;
  activity.activityType = activityType;
}

export function parseLoopCharacteristics(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  const loop = elementProp(element, 'loopCharacteristics');
  if (loop === null) {
    return;
  }
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    context.unsupported(
      element,
      'standard loops (standardLoopCharacteristics) are not supported; use multiInstanceLoopCharacteristics',
    );
    return;
  }
  const cardinalityElement = elementProp(loop, 'loopCardinality');
  const loopCardinality =
    cardinalityElement === null ? null : (stringProp(cardinalityElement, 'body') ?? '').trim();
  if (loopCardinality === '') {
    context.invalid(
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
    context.invalid(
      loop,
      'Either loopCardinality or camunda:collection must be set (loopDataInputRef is not supported)',
    );
  }
  if (collection === null && elementVariable !== null) {
    context.invalid(loop, 'camunda:collection must be set when using camunda:elementVariable');
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

export function parseUserTask(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'userTask', 'userTask');
  activity.assignee = stringProp(element, 'assignee');
  activity.candidateUsers = stringProp(element, 'candidateUsers');
  activity.candidateGroups = stringProp(element, 'candidateGroups');
  activity.dueDate = stringProp(element, 'dueDate');
  activity.followUpDate = stringProp(element, 'followUpDate');
  activity.priority = stringProp(element, 'priority');
  activity.formKey = stringProp(element, 'formKey');
  activity.taskListeners = readTaskListeners(context, element);
  if (elementsProp(element, 'resources').length > 0) {
    context.unsupported(
      element,
      'bpmn:humanPerformer / bpmn:potentialOwner are not supported; use camunda:assignee, camunda:candidateUsers or camunda:candidateGroups',
    );
  }
}

export function parseSubProcess(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'subProcess', 'subProcess');
  activity.isContainer = true;
  activity.triggeredByEvent = booleanProp(element, 'triggeredByEvent', false);
  // Still walked as a subprocess, so that problems inside are reported in the same run.
  if (element.$type === 'bpmn:Transaction') {
    context.unsupported(element, 'transaction subprocesses are not supported');
  }
  if (element.$type === 'bpmn:AdHocSubProcess') {
    context.unsupported(element, 'ad-hoc subprocesses are not supported');
  }
  if (activity.triggeredByEvent && activity.multiInstance !== null) {
    context.invalid(element, 'an event subprocess cannot be multi-instance');
  }
}

export function parseCallActivity(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  setKind(activity, 'callActivity', 'callActivity');
  const calledElement = stringProp(element, 'calledElement');
  if (stringProp(element, 'caseRef') !== null) {
    context.unsupported(element, 'calling CMMN cases (camunda:caseRef) is not supported');
  } else if (calledElement === null || calledElement === '') {
    context.invalid(element, "Missing attribute 'calledElement' or 'caseRef'");
  }
  activity.calledElement = calledElement;
  if (stringProp(element, 'variableMappingClass') !== null) {
    context.unsupported(
      element,
      'Java variable mapping classes (camunda:variableMappingClass) cannot run in this engine; use camunda:in / camunda:out',
    );
  }
  if (stringProp(element, 'variableMappingDelegateExpression') !== null) {
    context.unsupported(
      element,
      'variable mapping delegates (camunda:variableMappingDelegateExpression) are not supported; use camunda:in / camunda:out',
    );
  }
  const binding = stringProp(element, 'calledElementBinding');
  if (binding !== null) {
    if (!CALLED_ELEMENT_BINDINGS.has(binding)) {
      context.invalid(
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
    context.invalid(
      element,
      "Missing attribute 'calledElementVersion' when 'calledElementBinding' has value 'version'",
    );
  }
  if (binding === 'versionTag' && activity.calledElementVersionTag === null) {
    context.invalid(
      element,
      "Missing attribute 'calledElementVersionTag' when 'calledElementBinding' has value 'versionTag'",
    );
  }
  const { callIn, callOut } = readCallMappings(context, element);
  activity.callIn = callIn;
  activity.callOut = callOut;
}

/** `camunda:inputOutput`, on the element types where Camunda allows it. */
export function parseInputOutput(
  context: ParseContext,
  element: ModdleElement,
  activity: Activity,
): void {
  const inputOutput = readInputOutput(context, element);
  if (!inputOutput.present) {
    return;
  }
  const tag = tagName(element).replace(/^bpmn:/, '');
  if (
    GATEWAY_KINDS.has(activity.kind) ||
    activity.kind === 'startEvent' ||
    activity.kind === 'boundaryEvent'
  ) {
    context.invalid(element, `camunda:inputOutput mapping unsupported for element type '${tag}'.`);
    return;
  }
  if (activity.triggeredByEvent) {
    context.invalid(
      element,
      `camunda:inputOutput mapping unsupported for element type '${tag}' with attribute 'triggeredByEvent = true'.`,
    );
    return;
  }
  if (inputOutput.outputParameters.length > 0) {
    if (activity.kind === 'endEvent') {
      context.invalid(element, `camunda:outputParameter not allowed for element type '${tag}'.`);
      return;
    }
    if (activity.multiInstance !== null) {
      context.invalid(element, 'camunda:outputParameter not allowed for multi-instance constructs');
      return;
    }
  }
  activity.inputParameters = inputOutput.inputParameters;
  activity.outputParameters = inputOutput.outputParameters;
}
