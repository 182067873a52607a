import { describe, expect, it } from 'vitest';

import { ORDER_XML } from '../testing/modification-fixtures';
import {
  elementLabel,
  flowScopeOf,
  getActivity,
  getBpmnIndex,
  getSequenceFlow,
  listElements,
  parseBpmnIndex,
  scopeChain,
} from './bpmn-index';

const COLLABORATION_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
  <collaboration id="c"><participant id="p1" processRef="other"/><participant id="p2" processRef="main"/></collaboration>
  <process id="other" isExecutable="false"><userTask id="elsewhere"/></process>
  <process id="main" name="Main" isExecutable="true">
    <userTask id="a" name="  Check
      order "/>
  </process>
</definitions>`;

describe('parseBpmnIndex', () => {
  const index = parseBpmnIndex(ORDER_XML, 'order');

  it('reads activities with their flows, container and types', () => {
    expect(getActivity(index, 'ship')).toMatchObject({
      type: 'userTask',
      name: 'Ship order',
      containerId: 'order',
      incoming: ['f3'],
      outgoing: ['f5'],
      multiInstance: null,
    });
    expect(getActivity(index, 'pick')).toMatchObject({ containerId: 'sub', outgoing: ['s2'] });
    expect(getActivity(index, 'sub')).toMatchObject({ isContainer: true, type: 'subProcess' });
    expect(getActivity(index, 'shipTimeout')).toMatchObject({
      attachedToRef: 'ship',
      interrupting: true,
      outgoing: ['f7'],
    });
    expect(getActivity(index, 'approve')?.multiInstance).toEqual({
      sequential: false,
      loopCardinality: '3',
    });
    expect(getSequenceFlow(index, 'yes')).toMatchObject({
      sourceRef: 'decide',
      targetRef: 'join',
      hasCondition: true,
      name: 'yes',
    });
  });

  it('knows the scope hierarchy, multi-instance bodies included', () => {
    expect(flowScopeOf(index, 'pick')).toBe('sub');
    expect(flowScopeOf(index, 'approve')).toBe('approve#multiInstanceBody');
    expect(flowScopeOf(index, 'approve#multiInstanceBody')).toBe('order');
    expect(scopeChain(index, 'approve#multiInstanceBody')).toEqual([
      'approve#multiInstanceBody',
      'order',
    ]);
    expect(scopeChain(index, 'sub')).toEqual(['sub', 'order']);
  });

  it('names elements for sentences', () => {
    expect(elementLabel(index, 'ship')).toBe("'Ship order'");
    expect(elementLabel(index, 'join')).toBe("'join'");
    expect(elementLabel(index, 'approve#multiInstanceBody')).toBe(
      "'Approve' (whole multi-instance)",
    );
    expect(elementLabel(index, 'order')).toBe('the process instance');
  });

  it('picks the process by key in a collaboration and tidies names', () => {
    const main = parseBpmnIndex(COLLABORATION_XML, 'main');
    expect(main.processId).toBe('main');
    expect(listElements(main).map((element) => [element.id, element.name])).toEqual([
      ['a', 'Check order'],
    ]);
    expect(parseBpmnIndex(COLLABORATION_XML).processId).toBe('main');
  });

  it('lists activities before flows and caches by XML', () => {
    const ids = listElements(index).map((element) => element.id);
    expect(ids.indexOf('end')).toBeLessThan(ids.indexOf('f1'));
    expect(getBpmnIndex(ORDER_XML, 'order')).toBe(getBpmnIndex(ORDER_XML, 'order'));
  });

  it('fails clearly without a process', () => {
    expect(() =>
      parseBpmnIndex('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'),
    ).toThrow('The BPMN XML defines no process.');
  });
});
