/**
 * What is checked once a process has been walked, as Camunda's `BpmnParse` does after parsing the
 * flow nodes: sequence flows and boundary events are linked to their activities, and start events,
 * gateways and default flows are validated (`parseSequenceFlow`, `parseBoundaryEvents`,
 * `validateExclusiveGateway`, `validateEventBasedGateway`).
 */
import type { ModdleElement } from 'bpmn-moddle';
import { elementProp, idOf, stringProp } from './moddle-element';
import { readExecutionListeners } from './parse-camunda-extensions';
import type { ParseContext } from './parse-context';
import { isScript } from './parse-event-definition';
import type { Activity, ActivityKind, ProcessModel, SequenceFlow } from './process-model';

/** A walked process, as the checks read it. */
export interface ParsedProcess {
  readonly context: ParseContext;
  readonly activities: Record<string, Activity>;
  readonly sequenceFlows: Record<string, SequenceFlow>;
  /** The moddle element of each activity, to report problems found after the walk. */
  readonly elements: Map<string, ModdleElement>;
  readonly flowElements: { element: ModdleElement; parentId: string }[];
}

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

/**
 * Sequence flows → `sequenceFlows`, and the activities' `incoming`/`outgoing` (derived from
 * sourceRef/targetRef; `bpmn:incoming`/`bpmn:outgoing` are only hints for modelers). A flow may
 * not leave its (sub)process, as in Camunda.
 */
export function linkSequenceFlows(parsed: ParsedProcess): void {
  let anonymousFlows = 0;
  for (const { element, parentId } of parsed.flowElements) {
    // Camunda accepts flows without an id; they still need a key here. '#' cannot occur in an
    // XML id, so a generated key never collides with a real one.
    const declaredId = idOf(element);
    const id = declaredId ?? `#flow${++anonymousFlows}`;
    const sourceRef = parsed.context.referenceId(element, 'sourceRef');
    const targetRef = parsed.context.referenceId(element, 'targetRef');
    const source = sourceRef === null ? undefined : parsed.activities[sourceRef];
    const target = targetRef === null ? undefined : parsed.activities[targetRef];
    const conditionElement = elementProp(element, 'conditionExpression');
    let condition: string | null = null;
    if (conditionElement !== null) {
      if (isScript(conditionElement)) {
        parsed.context.unsupported(
          element,
          'script conditions need a script engine, which this engine does not have; use a ${...} expression',
        );
      }
      const text = (stringProp(conditionElement, 'body') ?? '').trim();
      condition = text === '' ? null : text;
    }
    parsed.sequenceFlows[id] = {
      id,
      name: stringProp(element, 'name'),
      sourceRef: sourceRef ?? '',
      targetRef: targetRef ?? '',
      condition,
      listeners: readExecutionListeners(parsed.context, element, 'sequenceFlow'),
    };
    if (source === undefined || source.parentId !== parentId) {
      parsed.context.invalid(
        element,
        `Invalid source '${sourceRef ?? ''}' of sequence flow '${id}'`,
      );
    } else if (source.triggeredByEvent) {
      parsed.context.invalid(element, 'Invalid outgoing sequence flow of event subprocess');
    } else {
      source.outgoing.push(id);
      if (declaredId === null && source.asyncAfter) {
        parsed.context.invalid(
          element,
          `Sequence flow with sourceRef='${source.id}' must have an id, activity with id '${source.id}' uses 'asyncAfter'.`,
        );
      }
    }
    if (target === undefined || target.parentId !== parentId) {
      parsed.context.invalid(
        element,
        `Invalid destination '${targetRef ?? ''}' of sequence flow '${id}'`,
      );
    } else if (target.triggeredByEvent) {
      parsed.context.invalid(element, 'Invalid incoming sequence flow of event subprocess');
    } else {
      target.incoming.push(id);
    }
  }
}

export function linkBoundaryEvents(parsed: ParsedProcess): void {
  for (const boundary of Object.values(parsed.activities)) {
    if (boundary.kind !== 'boundaryEvent' || boundary.attachedToRef === null) {
      continue;
    }
    const element = parsed.elements.get(boundary.id);
    const attached = parsed.activities[boundary.attachedToRef];
    if (element === undefined) {
      continue;
    }
    if (
      attached === undefined ||
      attached.parentId !== boundary.parentId ||
      !ATTACHABLE_KINDS.has(attached.kind) ||
      attached.triggeredByEvent
    ) {
      parsed.context.invalid(
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
      parsed.context.invalid(
        element,
        'An escalation boundary event should only be attached to a subprocess, a call activity or an user task',
      );
    }
  }
}

/** How many start events each container may have, as Camunda checks. */
export function checkStartEvents(
  parsed: ParsedProcess,
  processId: string,
  process: ProcessModel,
): void {
  const exclusiveStarts = process.startEventIds.filter((id) =>
    ['startEvent', 'startTimerEvent'].includes(parsed.activities[id]?.activityType ?? ''),
  );
  for (const id of exclusiveStarts.slice(1)) {
    reportAt(
      parsed,
      id,
      'multiple none start events or timer start events not supported on process definition',
    );
  }
  const seen = new Set<string>();
  for (const id of process.startEventIds) {
    const definition = parsed.activities[id]?.eventDefinition;
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
      reportAt(
        parsed,
        id,
        `Cannot have more than one ${definition.kind} event subscription with name '${name}' for scope '${processId}'`,
      );
    }
    seen.add(key);
  }
  for (const subProcess of Object.values(parsed.activities)) {
    if (!subProcess.isContainer) {
      continue;
    }
    const [, ...extra] = subProcess.startEventIds;
    if (subProcess.startEventIds.length === 0) {
      reportAt(parsed, subProcess.id, 'subProcess must define a startEvent element');
    }
    for (const id of extra) {
      reportAt(parsed, id, 'multiple start events not supported for subprocess');
    }
  }
}

/** Camunda's checks of exclusive and event-based gateways. */
export function checkGateways(parsed: ParsedProcess): void {
  for (const gateway of Object.values(parsed.activities)) {
    if (gateway.kind === 'exclusiveGateway') {
      checkExclusiveGateway(parsed, gateway);
    }
    if (gateway.kind !== 'eventBasedGateway') {
      continue;
    }
    for (const flowId of gateway.outgoing) {
      const target = parsed.activities[parsed.sequenceFlows[flowId]?.targetRef ?? ''];
      if (target === undefined) {
        continue;
      }
      if (target.kind !== 'intermediateCatchEvent') {
        reportAt(
          parsed,
          gateway.id,
          'Event based gateway can only be connected to elements of type intermediateCatchEvent',
          [target.id],
        );
        continue;
      }
      for (const incoming of target.incoming) {
        const source = parsed.activities[parsed.sequenceFlows[incoming]?.sourceRef ?? ''];
        if (source !== undefined && source.kind !== 'eventBasedGateway') {
          reportAt(
            parsed,
            target.id,
            `Invalid incoming sequenceflow for intermediateCatchEvent with id '${target.id}' connected to an event-based gateway.`,
            [incoming],
          );
        }
      }
    }
  }
}

function checkExclusiveGateway(parsed: ParsedProcess, gateway: Activity): void {
  const flows = gateway.outgoing.flatMap((id) => parsed.sequenceFlows[id] ?? []);
  const [onlyFlow] = flows;
  if (onlyFlow === undefined) {
    reportAt(
      parsed,
      gateway.id,
      `Exclusive Gateway '${gateway.id}' has no outgoing sequence flows.`,
    );
    return;
  }
  if (flows.length === 1) {
    if (onlyFlow.condition !== null) {
      reportAt(
        parsed,
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
      reportAt(
        parsed,
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
      reportAt(
        parsed,
        gateway.id,
        `Exclusive Gateway '${gateway.id}' has outgoing sequence flow '${flow.id}' without condition which is not the default flow.`,
        [flow.id],
      );
    }
  }
}

export function checkDefaultFlows(parsed: ParsedProcess): void {
  for (const activity of Object.values(parsed.activities)) {
    if (activity.defaultFlow === null || activity.outgoing.includes(activity.defaultFlow)) {
      continue;
    }
    reportAt(
      parsed,
      activity.id,
      `the default flow '${activity.defaultFlow}' is not an outgoing sequence flow of this element`,
      [activity.defaultFlow],
    );
  }
}

function reportAt(
  parsed: ParsedProcess,
  activityId: string,
  message: string,
  relatedIds: string[] = [],
): void {
  const element = parsed.elements.get(activityId);
  if (element !== undefined) {
    parsed.context.invalid(element, message, relatedIds);
  }
}
