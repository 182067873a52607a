/**
 * A 300-element process with diagram interchange, laid out on a grid, whose one running instance
 * has 1,000 activity instances: a parallel multi-instance user task with cardinality 1,000.
 */
const COLUMNS = 20;
const CELL_WIDTH = 150;
const CELL_HEIGHT = 130;
const TASK = { width: 100, height: 80 };
const EVENT = { width: 36, height: 36 };

export interface LargeProcess {
  key: string;
  xml: string;
  /** Flow nodes and sequence flows. */
  elements: number;
  activityInstances: number;
}

interface Node {
  id: string;
  xml: string;
  size: { width: number; height: number };
}

export function generateLargeProcess(flowNodes = 150, multiInstances = 1000): LargeProcess {
  const key = 'benchLargeDiagram';
  const nodes: Node[] = [
    { id: 'start', xml: '<startEvent id="start" name="Start"/>', size: EVENT },
  ];
  nodes.push({
    id: 'review',
    xml: `<userTask id="review" name="Review item"><multiInstanceLoopCharacteristics><loopCardinality>${String(multiInstances)}</loopCardinality></multiInstanceLoopCharacteristics></userTask>`,
    size: TASK,
  });
  for (let index = nodes.length; index < flowNodes - 1; index++) {
    nodes.push({
      id: `task${String(index)}`,
      xml: `<userTask id="task${String(index)}" name="Step ${String(index)}"/>`,
      size: TASK,
    });
  }
  nodes.push({ id: 'end', xml: '<endEvent id="end" name="End"/>', size: EVENT });

  const position = (index: number) => {
    const row = Math.floor(index / COLUMNS);
    const column = row % 2 === 0 ? index % COLUMNS : COLUMNS - 1 - (index % COLUMNS);
    return { x: 50 + column * CELL_WIDTH, y: 50 + row * CELL_HEIGHT };
  };
  const bounds = (index: number) => {
    const node = nodes[index] as Node;
    const { x, y } = position(index);
    return {
      x: x + (TASK.width - node.size.width) / 2,
      y: y + (TASK.height - node.size.height) / 2,
      ...node.size,
    };
  };
  const center = (index: number) => {
    const b = bounds(index);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };

  const flows = nodes.slice(1).map((node, index) => ({
    id: `flow${String(index + 1)}`,
    source: (nodes[index] as Node).id,
    target: node.id,
    from: center(index),
    to: center(index + 1),
  }));

  const processXml = [
    ...nodes.map((node) => node.xml),
    ...flows.map(
      (flow) =>
        `<sequenceFlow id="${flow.id}" sourceRef="${flow.source}" targetRef="${flow.target}"/>`,
    ),
  ].join('\n    ');
  const shapes = nodes
    .map((node, index) => {
      const b = bounds(index);
      return `<bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"><dc:Bounds x="${String(b.x)}" y="${String(b.y)}" width="${String(b.width)}" height="${String(b.height)}"/></bpmndi:BPMNShape>`;
    })
    .join('\n      ');
  const edges = flows
    .map(
      (flow) =>
        `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}"><di:waypoint x="${String(flow.from.x)}" y="${String(flow.from.y)}"/><di:waypoint x="${String(flow.to.x)}" y="${String(flow.to.y)}"/></bpmndi:BPMNEdge>`,
    )
    .join('\n      ');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="large" targetNamespace="bench">
  <process id="${key}" name="Large diagram" isExecutable="true" camunda:historyTimeToLive="1">
    ${processXml}
  </process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="${key}">
      ${shapes}
      ${edges}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</definitions>`;
  return { key, xml, elements: nodes.length + flows.length, activityInstances: multiInstances + 1 };
}
