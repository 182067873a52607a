/**
 * The few facts about a BPMN diagram that modification needs – element types, names, flows,
 * containing scopes, multi-instance, boundary attachment, event subprocesses – read with the
 * browser's DOMParser. bpmn-moddle would give the same in ten times the bytes; the full model is
 * parsed only by the lazy preview chunk (the engine's own parser).
 */

const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Camunda's id of the multi-instance body that wraps activity X: `X#multiInstanceBody`. */
export const MI_BODY_SUFFIX = '#multiInstanceBody';

const FLOW_NODE_TYPES = new Set([
  'task',
  'userTask',
  'serviceTask',
  'scriptTask',
  'sendTask',
  'receiveTask',
  'manualTask',
  'businessRuleTask',
  'callActivity',
  'subProcess',
  'transaction',
  'adHocSubProcess',
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
]);

/** Elements whose instances hold child instances in the activity instance tree. */
const CONTAINER_TYPES = new Set(['subProcess', 'transaction', 'adHocSubProcess']);

export interface MultiInstanceInfo {
  sequential: boolean;
  /** The `loopCardinality` text (a number or an expression), null when a collection drives it. */
  loopCardinality: string | null;
}

export interface BpmnActivity {
  kind: 'activity';
  id: string;
  name: string | null;
  /** The BPMN element name, e.g. `userTask`, `boundaryEvent`, `subProcess`. */
  type: string;
  /** The subprocess (or the process) that directly contains the element. */
  containerId: string;
  incoming: string[];
  outgoing: string[];
  multiInstance: MultiInstanceInfo | null;
  /** Boundary events: the activity they are attached to. */
  attachedToRef: string | null;
  /** Boundary events: `cancelActivity` (true by default). */
  interrupting: boolean;
  isEventSubProcess: boolean;
  /** A start event of an event subprocess that interrupts its scope, or such a subprocess. */
  interruptsScope: boolean;
  isCompensationBoundary: boolean;
  isTerminateEnd: boolean;
  /** Subprocesses: their instances contain the instances of the elements inside. */
  isContainer: boolean;
}

export interface BpmnSequenceFlow {
  kind: 'sequenceFlow';
  id: string;
  name: string | null;
  sourceRef: string;
  targetRef: string;
  containerId: string;
  hasCondition: boolean;
}

export type BpmnElement = BpmnActivity | BpmnSequenceFlow;

export interface BpmnIndex {
  processId: string;
  processName: string | null;
  /** Every flow node and sequence flow of the process, subprocesses included, in document order. */
  elements: Map<string, BpmnElement>;
}

const indexCache = new Map<string, BpmnIndex>();
const INDEX_CACHE_SIZE = 4;

/**
 * Reads the process `processKey` (the first executable one when not found) from BPMN XML. Cached
 * by XML text, so the diagram page and the workspace share one parse.
 */
export function getBpmnIndex(xml: string, processKey?: string): BpmnIndex {
  const cacheKey = `${processKey ?? ''}\u0000${xml}`;
  const cached = indexCache.get(cacheKey);
  if (cached !== undefined) {
    return cached;
  }
  const index = parseBpmnIndex(xml, processKey);
  indexCache.set(cacheKey, index);
  if (indexCache.size > INDEX_CACHE_SIZE) {
    const oldest = indexCache.keys().next().value;
    if (oldest !== undefined) {
      indexCache.delete(oldest);
    }
  }
  return index;
}

export function parseBpmnIndex(xml: string, processKey?: string): BpmnIndex {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const processes = [...document.getElementsByTagNameNS(BPMN_MODEL_NS, 'process')];
  const process =
    processes.find((element) => element.getAttribute('id') === processKey) ??
    processes.find((element) => element.getAttribute('isExecutable') !== 'false') ??
    processes[0];
  if (process === undefined) {
    throw new Error('The BPMN XML defines no process.');
  }
  const processId = process.getAttribute('id') ?? '';
  const elements = new Map<string, BpmnElement>();
  readContainer(process, processId, elements);

  for (const element of elements.values()) {
    if (element.kind !== 'sequenceFlow') {
      continue;
    }
    const source = elements.get(element.sourceRef);
    const target = elements.get(element.targetRef);
    if (source?.kind === 'activity') {
      source.outgoing.push(element.id);
    }
    if (target?.kind === 'activity') {
      target.incoming.push(element.id);
    }
  }
  for (const element of elements.values()) {
    if (element.kind === 'activity' && element.type === 'startEvent') {
      const container = elements.get(element.containerId);
      if (container?.kind === 'activity' && container.isEventSubProcess) {
        container.interruptsScope = element.interruptsScope;
      }
    }
  }
  return { processId, processName: cleanName(process.getAttribute('name')), elements };
}

function readContainer(container: Element, containerId: string, out: Map<string, BpmnElement>) {
  const isEventSubProcess = container.getAttribute('triggeredByEvent') === 'true';
  for (const child of container.children) {
    if (child.namespaceURI !== BPMN_MODEL_NS) {
      continue;
    }
    const id = child.getAttribute('id');
    if (id === null) {
      continue;
    }
    if (child.localName === 'sequenceFlow') {
      out.set(id, {
        kind: 'sequenceFlow',
        id,
        name: cleanName(child.getAttribute('name')),
        sourceRef: child.getAttribute('sourceRef') ?? '',
        targetRef: child.getAttribute('targetRef') ?? '',
        containerId,
        hasCondition: childElement(child, 'conditionExpression') !== null,
      });
      continue;
    }
    if (!FLOW_NODE_TYPES.has(child.localName)) {
      continue;
    }
    out.set(id, readActivity(child, id, containerId, isEventSubProcess));
    if (CONTAINER_TYPES.has(child.localName)) {
      readContainer(child, id, out);
    }
  }
}

function readActivity(
  element: Element,
  id: string,
  containerId: string,
  inEventSubProcess: boolean,
): BpmnActivity {
  const type = element.localName;
  const loop = childElement(element, 'multiInstanceLoopCharacteristics');
  const isEventSubProcess =
    type === 'subProcess' && element.getAttribute('triggeredByEvent') === 'true';
  const interrupting = element.getAttribute('cancelActivity') !== 'false';
  return {
    kind: 'activity',
    id,
    name: cleanName(element.getAttribute('name')),
    type,
    containerId,
    incoming: [],
    outgoing: [],
    multiInstance:
      loop === null
        ? null
        : {
            sequential: loop.getAttribute('isSequential') === 'true',
            loopCardinality: childElement(loop, 'loopCardinality')?.textContent.trim() ?? null,
          },
    attachedToRef: type === 'boundaryEvent' ? element.getAttribute('attachedToRef') : null,
    interrupting: type === 'boundaryEvent' ? interrupting : true,
    isEventSubProcess,
    interruptsScope:
      type === 'startEvent' &&
      inEventSubProcess &&
      element.getAttribute('isInterrupting') !== 'false',
    isCompensationBoundary:
      type === 'boundaryEvent' && childElement(element, 'compensateEventDefinition') !== null,
    isTerminateEnd:
      type === 'endEvent' && childElement(element, 'terminateEventDefinition') !== null,
    isContainer: CONTAINER_TYPES.has(type),
  };
}

function childElement(parent: Element, localName: string): Element | null {
  for (const child of parent.children) {
    if (child.namespaceURI === BPMN_MODEL_NS && child.localName === localName) {
      return child;
    }
  }
  return null;
}

function cleanName(name: string | null): string | null {
  const cleaned = name?.replace(/\s+/g, ' ').trim() ?? '';
  return cleaned === '' ? null : cleaned;
}

/** `X` for `X#multiInstanceBody`, the id itself otherwise. */
export function innerActivityId(activityId: string): string {
  return activityId.endsWith(MI_BODY_SUFFIX)
    ? activityId.slice(0, -MI_BODY_SUFFIX.length)
    : activityId;
}

export function isMultiInstanceBodyId(activityId: string): boolean {
  return activityId.endsWith(MI_BODY_SUFFIX);
}

export function getActivity(index: BpmnIndex, id: string): BpmnActivity | undefined {
  const element = index.elements.get(innerActivityId(id));
  return element?.kind === 'activity' ? element : undefined;
}

export function getSequenceFlow(index: BpmnIndex, id: string): BpmnSequenceFlow | undefined {
  const element = index.elements.get(id);
  return element?.kind === 'sequenceFlow' ? element : undefined;
}

/**
 * How people call an element: its name, else its id, in quotes; a multi-instance body says so,
 * the process is "the process instance".
 */
export function elementLabel(index: BpmnIndex, id: string): string {
  if (id === index.processId) {
    return 'the process instance';
  }
  const element = index.elements.get(innerActivityId(id));
  const name = `'${element?.name ?? innerActivityId(id)}'`;
  return isMultiInstanceBodyId(id) ? `${name} (whole multi-instance)` : name;
}

/** A label at the start of a sentence: `'Review order' has…`, `The process instance has…`. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The scope a new token for `activityId` is created in (Camunda's `AbstractInstantiationCmd`): the multi-instance body
 * for an inner activity, otherwise the containing subprocess or the process. A boundary event sits
 * in the same container as the activity it is attached to.
 */
export function flowScopeOf(index: BpmnIndex, activityId: string): string {
  if (isMultiInstanceBodyId(activityId)) {
    return getActivity(index, activityId)?.containerId ?? index.processId;
  }
  const activity = getActivity(index, activityId);
  if (activity === undefined) {
    return index.processId;
  }
  return activity.multiInstance === null ? activity.containerId : `${activity.id}${MI_BODY_SUFFIX}`;
}

/** The parent of a scope in the scope hierarchy; null for the process. */
export function parentScopeOf(index: BpmnIndex, scopeId: string): string | null {
  if (scopeId === index.processId) {
    return null;
  }
  return flowScopeOf(index, scopeId);
}

/** From `scopeId` up to the process, both included. */
export function scopeChain(index: BpmnIndex, scopeId: string): string[] {
  const chain: string[] = [];
  let current: string | null = scopeId;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = parentScopeOf(index, current);
  }
  return chain;
}

/** Every activity and flow, for pickers: activities first in document order, then flows. */
export function listElements(index: BpmnIndex): BpmnElement[] {
  const elements = [...index.elements.values()];
  return [
    ...elements.filter((element) => element.kind === 'activity'),
    ...elements.filter((element) => element.kind === 'sequenceFlow'),
  ];
}
