import { describe, expect, it } from 'vitest';

import { extractFlowNodes } from './extract-flow-nodes';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  id="definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="order" name="Order" isExecutable="true">
    <bpmn:startEvent id="received" name="Order received" />
    <bpmn:sequenceFlow id="toCheck" sourceRef="received" targetRef="check" />
    <bpmn:serviceTask id="check" name=" Check stock " />
    <bpmn:subProcess id="pick" name="Pick items">
      <bpmn:userTask id="pickItem" name="Pick item" />
      <bpmn:boundaryEvent id="pickTimeout" attachedToRef="pickItem" />
    </bpmn:subProcess>
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="shipped" name="Shipped" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="order">
      <bpmndi:BPMNShape id="check-shape" bpmnElement="check" />
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('extractFlowNodes', () => {
  it('lists the flow nodes in document order, sub-process content included', () => {
    expect(extractFlowNodes(XML)).toEqual([
      { id: 'received', name: 'Order received', scope: false },
      { id: 'check', name: 'Check stock', scope: false },
      { id: 'pick', name: 'Pick items', scope: true },
      { id: 'pickItem', name: 'Pick item', scope: false },
      { id: 'pickTimeout', name: 'pickTimeout', scope: false },
      { id: 'join', name: 'join', scope: false },
      { id: 'shipped', name: 'Shipped', scope: false },
    ]);
  });

  it('marks event sub-processes and transactions as scopes', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
      <process id="p">
        <transaction id="pay"><userTask id="charge" /></transaction>
        <subProcess id="onCancel" triggeredByEvent="true"><userTask id="refund" /></subProcess>
      </process>
    </definitions>`;

    expect(
      extractFlowNodes(xml)
        .filter(({ scope }) => scope)
        .map(({ id }) => id),
    ).toEqual(['pay', 'onCancel']);
  });

  it('reads any namespace prefix, and none', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
      <process id="p"><userTask id="review" name="Review" /></process>
    </definitions>`;

    expect(extractFlowNodes(xml)).toEqual([{ id: 'review', name: 'Review', scope: false }]);
  });

  it('ignores elements of other namespaces that share a flow node name', () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                   xmlns:other="urn:other">
      <bpmn:process id="p"><other:userTask id="foreign" /></bpmn:process>
    </bpmn:definitions>`;

    expect(extractFlowNodes(xml)).toEqual([]);
  });

  it('fails on XML that does not parse', () => {
    expect(() => extractFlowNodes('<bpmn:definitions')).toThrow(/could not be parsed/);
  });
});
