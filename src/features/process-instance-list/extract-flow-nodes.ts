const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The BPMN elements that are flow nodes: the ones an activity instance can be active in. */
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
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'endEvent',
  'exclusiveGateway',
  'inclusiveGateway',
  'parallelGateway',
  'eventBasedGateway',
  'complexGateway',
]);

/**
 * The flow nodes that are scopes around other activities: a token is never in one of them itself
 * but in an activity inside. Camunda's runtime `activityIdIn` compares the activity of each
 * non-event-scope execution (Execution.xml, `EXE.ACT_ID_ in (…)`), and a scope execution holds no
 * activity while its children run, so a sub-process, transaction or event sub-process id matches
 * no instance.
 */
const SCOPE_TYPES = new Set(['subProcess', 'transaction', 'adHocSubProcess']);

/** A flow node of a process diagram, as the activity filter offers it. */
export interface FlowNode {
  id: string;
  /** The node's name, or its id when it has none. */
  name: string;
  /** A sub-process, transaction or event sub-process: the runtime query never matches it. */
  scope: boolean;
}

/**
 * The flow nodes of a BPMN 2.0 XML in document order (the order the diagram was modelled in),
 * nested sub-process content included, each id once. DOMParser is enough here: only ids and
 * names are needed, so the console does not load a BPMN parser for a filter.
 */
export function extractFlowNodes(xml: string): FlowNode[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) {
    throw new Error('The BPMN XML of the process definition could not be parsed.');
  }
  const nodes = new Map<string, FlowNode>();
  for (const element of document.getElementsByTagNameNS(BPMN_MODEL_NS, '*')) {
    const id = element.getAttribute('id');
    if (!FLOW_NODE_TYPES.has(element.localName) || id === null || nodes.has(id)) {
      continue;
    }
    const name = element.getAttribute('name')?.trim();
    nodes.set(id, {
      id,
      name: name === undefined || name === '' ? id : name,
      scope: SCOPE_TYPES.has(element.localName),
    });
  }
  return [...nodes.values()];
}
