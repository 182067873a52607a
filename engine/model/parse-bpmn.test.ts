import { describe, expect, it } from 'vitest';
import { ParseException } from '../errors';
import { BpmnParseException } from './bpmn-parse-exception';
import { parseBpmn } from './parse-bpmn';
import type { ProcessModel } from './process-model';

const NAMESPACES =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="Examples" xmlns:tns="Examples"';

function definitions(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<definitions ${NAMESPACES}>\n${body}\n</definitions>`;
}

function process(body: string, attributes = 'id="p" isExecutable="true"'): string {
  return definitions(`<process ${attributes}>\n${body}\n</process>`);
}

async function parseOne(xml: string): Promise<ProcessModel> {
  const { processes } = await parseBpmn(xml, 'test.bpmn');
  const [model] = processes;
  if (model === undefined) {
    throw new Error('no process parsed');
  }
  return model;
}

async function parseError(xml: string): Promise<BpmnParseException> {
  const error: unknown = await parseBpmn(xml, 'test.bpmn').then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof BpmnParseException)) {
    throw new Error(`expected a BpmnParseException, got ${String(error)}`);
  }
  return error;
}

/**
 * A process with most structures at once: a parallel split into a multi-instance user task and an
 * embedded subprocess with a timer on its boundary; an event subprocess; io mappings and listeners.
 */
const ORDER_PROCESS = definitions(`
<message id="cancelMessage" name="cancelOrder"/>
<process id="order" name="Order" isExecutable="true" camunda:versionTag="v1" camunda:historyTimeToLive="P30D">
  <documentation>Handles an order.</documentation>
  <extensionElements>
    <camunda:executionListener event="start" expression="\${audit.started(execution)}"/>
  </extensionElements>
  <startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
  <parallelGateway id="fork"/>
  <sequenceFlow id="f2" sourceRef="fork" targetRef="review">
    <extensionElements><camunda:executionListener expression="\${audit.took(execution)}"/></extensionElements>
  </sequenceFlow>
  <sequenceFlow id="f3" sourceRef="fork" targetRef="shipping"/>
  <userTask id="review" name="Review" camunda:asyncBefore="true" camunda:candidateGroups="sales, management">
    <extensionElements>
      <camunda:inputOutput>
        <camunda:inputParameter name="reviewer">\${reviewer}</camunda:inputParameter>
        <camunda:inputParameter name="empty"/>
        <camunda:outputParameter name="approved">  \${approved}  </camunda:outputParameter>
      </camunda:inputOutput>
      <camunda:taskListener event="create" delegateExpression="\${assignReviewer}"/>
    </extensionElements>
  </userTask>
  <subProcess id="shipping" camunda:asyncAfter="true">
    <startEvent id="shippingStart"/>
    <sequenceFlow id="s1" sourceRef="shippingStart" targetRef="pack"/>
    <serviceTask id="pack" camunda:expression="\${warehouse.pack(order)}" camunda:resultVariable="parcel">
      <multiInstanceLoopCharacteristics isSequential="true" camunda:collection="\${items}" camunda:elementVariable="item" camunda:asyncBefore="true">
        <completionCondition>\${cancelled}</completionCondition>
      </multiInstanceLoopCharacteristics>
    </serviceTask>
    <sequenceFlow id="s2" sourceRef="pack" targetRef="shippingEnd"/>
    <endEvent id="shippingEnd"/>
  </subProcess>
  <boundaryEvent id="shippingTimeout" attachedToRef="shipping" cancelActivity="false">
    <timerEventDefinition><timeDuration> PT2H </timeDuration></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f4" sourceRef="shippingTimeout" targetRef="remind"/>
  <sendTask id="remind" camunda:type="external" camunda:topic="reminders"/>
  <sequenceFlow id="f5" sourceRef="remind" targetRef="remindEnd"/>
  <endEvent id="remindEnd"/>
  <sequenceFlow id="f6" sourceRef="review" targetRef="join"/>
  <sequenceFlow id="f7" sourceRef="shipping" targetRef="join"/>
  <parallelGateway id="join"/>
  <sequenceFlow id="f8" sourceRef="join" targetRef="end"/>
  <endEvent id="end"/>
  <subProcess id="cancellation" triggeredByEvent="true">
    <startEvent id="cancelStart" isInterrupting="false">
      <messageEventDefinition messageRef="tns:cancelMessage"/>
    </startEvent>
    <sequenceFlow id="c1" sourceRef="cancelStart" targetRef="cancelEnd"/>
    <endEvent id="cancelEnd"><terminateEventDefinition/></endEvent>
  </subProcess>
</process>`);

describe('parseBpmn', () => {
  it('maps a process with gateways, subprocesses, boundary and event subprocess', async () => {
    const { processes, targetNamespace } = await parseBpmn(ORDER_PROCESS, 'order.bpmn');
    expect(targetNamespace).toBe('Examples');
    const [model] = processes;
    expect(model).toMatchObject({
      key: 'order',
      name: 'Order',
      versionTag: 'v1',
      historyTimeToLive: 30,
      isExecutable: true,
      documentation: 'Handles an order.',
      startEventIds: ['start'],
      eventSubProcessIds: ['cancellation'],
      childIds: [
        'start',
        'fork',
        'review',
        'shipping',
        'shippingTimeout',
        'remind',
        'remindEnd',
        'join',
        'end',
        'cancellation',
      ],
      listeners: [{ event: 'start', expression: '${audit.started(execution)}' }],
    });
    const activities = model?.activities ?? {};

    expect(activities['fork']).toMatchObject({
      kind: 'parallelGateway',
      activityType: 'parallelGateway',
      incoming: ['f1'],
      outgoing: ['f2', 'f3'],
    });
    expect(activities['join']).toMatchObject({ incoming: ['f6', 'f7'], outgoing: ['f8'] });

    expect(activities['shipping']).toMatchObject({
      kind: 'subProcess',
      isContainer: true,
      triggeredByEvent: false,
      asyncAfter: true,
      parentId: 'order',
      childIds: ['shippingStart', 'pack', 'shippingEnd'],
      startEventIds: ['shippingStart'],
      boundaryEventIds: ['shippingTimeout'],
    });
    expect(activities['shippingTimeout']).toMatchObject({
      kind: 'boundaryEvent',
      activityType: 'boundaryTimer',
      attachedToRef: 'shipping',
      interrupting: false,
      parentId: 'order',
      eventDefinition: { kind: 'timer', timer: { kind: 'duration', expression: 'PT2H' } },
      outgoing: ['f4'],
    });
    expect(activities['remind']).toMatchObject({
      kind: 'serviceTask',
      activityType: 'sendTask',
      service: { kind: 'external', topic: 'reminders' },
    });

    // Element-level async belongs to the multi-instance body, the loop's to each instance.
    expect(activities['pack']).toMatchObject({
      parentId: 'shipping',
      asyncBefore: false,
      innerAsyncBefore: true,
      innerAsyncAfter: false,
      service: {
        kind: 'expression',
        expression: '${warehouse.pack(order)}',
        resultVariable: 'parcel',
      },
      multiInstance: {
        sequential: true,
        loopCardinality: null,
        collection: '${items}',
        elementVariable: 'item',
        completionCondition: '${cancelled}',
      },
    });

    expect(activities['review']).toMatchObject({
      kind: 'userTask',
      asyncBefore: true,
      candidateGroups: 'sales, management',
      inputParameters: [
        { name: 'reviewer', value: '${reviewer}' },
        { name: 'empty', value: null },
      ],
      outputParameters: [{ name: 'approved', value: '${approved}' }],
      taskListeners: [{ event: 'create', delegateExpression: '${assignReviewer}' }],
    });
    expect(model?.sequenceFlows['f2']).toEqual({
      id: 'f2',
      name: null,
      sourceRef: 'fork',
      targetRef: 'review',
      condition: null,
      listeners: [{ event: 'take', expression: '${audit.took(execution)}' }],
    });

    expect(activities['cancellation']).toMatchObject({
      isContainer: true,
      triggeredByEvent: true,
      startEventIds: ['cancelStart'],
      incoming: [],
      outgoing: [],
    });
    expect(activities['cancelStart']).toMatchObject({
      activityType: 'messageStartEvent',
      interrupting: false,
      parentId: 'cancellation',
      eventDefinition: { kind: 'message', messageName: 'cancelOrder' },
    });
    expect(activities['cancelEnd']).toMatchObject({
      kind: 'endEvent',
      activityType: 'terminateEndEvent',
    });
  });

  it('rejects a script task, naming the element, the resource and where its start tag ends', async () => {
    const error = await parseError(
      process(`<startEvent id="start"/>
<sequenceFlow id="f1" sourceRef="start" targetRef="ScriptTask_1"/>
<scriptTask id="ScriptTask_1" scriptFormat="javascript"><script>1 + 1</script></scriptTask>`),
    );
    expect(error).toBeInstanceOf(ParseException);
    expect(error.type).toBe('ParseException');
    expect(error.message).toBe(
      'ENGINE-09005 Could not parse BPMN process. Errors: \n' +
        "* Unsupported element 'bpmn:scriptTask' (id 'ScriptTask_1'): script tasks need a script engine, which this engine does not have | resource test.bpmn | line 6 | column 57",
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ mainElementId: 'ScriptTask_1', line: 6, column: 57 }),
    ]);
  });

  it('with enforceHistoryTimeToLive refuses an executable process without historyTimeToLive', async () => {
    const noTimeToLive = process('<startEvent id="start"/>');
    const error: unknown = await parseBpmn(noTimeToLive, 'ttl.bpmn', {
      enforceHistoryTimeToLive: true,
    }).catch((caught: unknown) => caught);
    if (!(error instanceof BpmnParseException)) {
      throw new Error(`expected a BpmnParseException, got ${String(error)}`);
    }
    const reason =
      'ENGINE-12018 History Time To Live (TTL) cannot be null. TTL is necessary for the History ' +
      'Cleanup to work. The following options are possible:\n* Set historyTimeToLive in the model\n' +
      '* Set a default historyTimeToLive as a global process engine configuration\n' +
      '* (Not recommended) Deactivate the enforceTTL config to disable this check';
    expect(error.problems).toEqual([
      {
        message: `${reason}: ${reason}`,
        line: 3,
        column: 37,
        mainElementId: 'p',
        elementIds: ['p'],
      },
    ]);
    expect(error.message).toBe(
      `ENGINE-09005 Could not parse BPMN process. Errors: \n* ${reason}: ${reason} | resource ttl.bpmn | line 3 | column 37`,
    );
  });

  it('with enforceHistoryTimeToLive accepts a time to live, and ignores processes that do not run', async () => {
    const enforce = { enforceHistoryTimeToLive: true };
    const withTimeToLive = process(
      '<startEvent id="start"/>',
      'id="p" isExecutable="true" camunda:historyTimeToLive="P30D"',
    );
    expect((await parseBpmn(withTimeToLive, 'ttl.bpmn', enforce)).processes[0]).toMatchObject({
      historyTimeToLive: 30,
    });
    const notExecutable = process('<startEvent id="start"/>', 'id="p" isExecutable="false"');
    expect((await parseBpmn(notExecutable, 'ttl.bpmn', enforce)).processes).toHaveLength(1);
    // Off by default, as in Camunda's own test configuration.
    expect(
      (await parseBpmn(process('<startEvent id="start"/>'), 'ttl.bpmn')).processes,
    ).toHaveLength(1);
  });

  it('rejects malformed XML with a ParseException', async () => {
    const error = await parseError(
      '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">',
    );
    expect(error).toBeInstanceOf(ParseException);
    expect(error.message).toMatch(
      /^ENGINE-09005 Could not parse BPMN process\. Errors: \n\* Malformed XML: .+ \| resource test\.bpmn/,
    );
  });

  it('rejects a document that is not BPMN', async () => {
    const error = await parseError('<?xml version="1.0"?><html><body/></html>');
    expect(error.message).toContain('Not a BPMN 2.0 document');
  });

  it('rejects Java delegate classes on service tasks and listeners', async () => {
    const error = await parseError(
      process(`<startEvent id="start">
  <extensionElements><camunda:executionListener event="end" class="org.example.Listener"/></extensionElements>
</startEvent>
<sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
<serviceTask id="charge" camunda:class="org.example.ChargeDelegate"/>`),
    );
    expect(error.problems.map((problem) => problem.message)).toEqual([
      "Unsupported element 'camunda:executionListener' in 'bpmn:startEvent' (id 'start'): Java listener classes cannot run in this engine; use camunda:expression or camunda:delegateExpression",
      "Unsupported element 'bpmn:serviceTask' (id 'charge'): Java delegate classes cannot run in this engine; use camunda:expression, camunda:delegateExpression or camunda:type=\"external\"",
    ]);
  });

  it('rejects a service task without an implementation, as Camunda does', async () => {
    const error = await parseError(process('<serviceTask id="task"/>'));
    expect(error.message).toContain(
      "Element 'bpmn:serviceTask' (id 'task'): One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on serviceTask.",
    );
  });

  it.each([
    [
      'a DMN business rule task',
      '<businessRuleTask id="x" camunda:decisionRef="decision"/>',
      'DMN decisions',
    ],
    ['a complex gateway', '<complexGateway id="x"/>', 'complex gateways'],
    [
      'a transaction',
      '<transaction id="x"><startEvent id="ts"/></transaction>',
      'transaction subprocesses',
    ],
    ['a CMMN call', '<callActivity id="x" camunda:caseRef="case"/>', 'CMMN'],
    ['a compensation handler', '<task id="x" isForCompensation="true"/>', 'compensation handlers'],
    ['a standard loop', '<task id="x"><standardLoopCharacteristics/></task>', 'standard loops'],
    [
      'a list input parameter',
      '<task id="x"><extensionElements><camunda:inputOutput><camunda:inputParameter name="l"><camunda:list><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput></extensionElements></task>',
      'camunda:list values',
    ],
    [
      'a script listener',
      '<task id="x"><extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="js">1</camunda:script></camunda:executionListener></extensionElements></task>',
      'script listeners',
    ],
    [
      'a script condition',
      '<task id="x"/><task id="y"/><sequenceFlow id="x2y" sourceRef="x" targetRef="y"><conditionExpression xsi:type="tFormalExpression" language="groovy">true</conditionExpression></sequenceFlow>',
      'script conditions',
    ],
  ])('rejects %s', async (_, body, reason) => {
    const error = await parseError(process(body));
    expect(error.problems.map((problem) => problem.message).join('\n')).toContain(reason);
  });

  it('rejects duplicate ids and flows that leave their subprocess', async () => {
    const error = await parseError(
      process(`<startEvent id="start"/>
<task id="start"/>
<subProcess id="sub"><startEvent id="inner"/></subProcess>
<sequenceFlow id="out" sourceRef="inner" targetRef="start"/>`),
    );
    const messages = error.problems.map((problem) => problem.message);
    expect(messages).toContain(
      "Duplicate id 'start' (element <task>): ids must be unique within a BPMN document",
    );
    expect(messages).toContain(
      "Element 'bpmn:sequenceFlow' (id 'out'): Invalid source 'inner' of sequence flow 'out'",
    );
  });

  it('reports a missing boundary attachment and a missing flow target together', async () => {
    const error = await parseError(
      process(`<boundaryEvent id="b" attachedToRef="nowhere"><timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition></boundaryEvent>
<sequenceFlow id="f" sourceRef="b" targetRef="missing"/>`),
    );
    expect(error.problems.map((problem) => problem.message)).toEqual([
      "Element 'bpmn:sequenceFlow' (id 'f'): Invalid destination 'missing' of sequence flow 'f'",
      "Element 'bpmn:boundaryEvent' (id 'b'): Invalid reference in boundary event: 'nowhere' must be an activity defined in the same scope as the boundary event",
    ]);
  });

  it('applies Camunda’s exclusive gateway rules', async () => {
    const error = await parseError(
      process(`<exclusiveGateway id="gw" default="a"/>
<task id="t1"/><task id="t2"/>
<sequenceFlow id="a" sourceRef="gw" targetRef="t1"/>
<sequenceFlow id="b" sourceRef="gw" targetRef="t2"/>`),
    );
    expect(error.problems.map((problem) => problem.message)).toEqual([
      "Element 'bpmn:exclusiveGateway' (id 'gw'): Exclusive Gateway 'gw' has outgoing sequence flow 'b' without condition which is not the default flow.",
    ]);
  });

  it('keeps conditions, default flows and error codes', async () => {
    const model = await parseOne(
      definitions(`<error id="err" errorCode="PAYMENT_FAILED"/>
<process id="p" isExecutable="true">
  <exclusiveGateway id="gw" default="otherwise"/>
  <task id="t1"/><task id="t2"/>
  <sequenceFlow id="big" sourceRef="gw" targetRef="t1"><conditionExpression xsi:type="tFormalExpression"> \${amount > 100} </conditionExpression></sequenceFlow>
  <sequenceFlow id="otherwise" sourceRef="gw" targetRef="t2"/>
  <boundaryEvent id="failed" attachedToRef="t1"><errorEventDefinition errorRef="err" camunda:errorCodeVariable="code"/></boundaryEvent>
  <boundaryEvent id="anyError" attachedToRef="t2" cancelActivity="false"><errorEventDefinition/></boundaryEvent>
</process>`),
    );
    expect(model.activities['gw']?.defaultFlow).toBe('otherwise');
    expect(model.sequenceFlows['big']?.condition).toBe('${amount > 100}');
    expect(model.activities['failed']?.eventDefinition).toEqual({
      kind: 'error',
      errorCode: 'PAYMENT_FAILED',
      errorCodeVariable: 'code',
    });
    // An error boundary event always interrupts.
    expect(model.activities['anyError']).toMatchObject({
      interrupting: true,
      eventDefinition: { kind: 'error', errorCode: null },
    });
    expect(model.activities['t1']?.boundaryEventIds).toEqual(['failed']);
  });

  it('maps call activities with their variable mappings', async () => {
    const model = await parseOne(
      process(`<callActivity id="call" calledElement="child" camunda:calledElementBinding="version" camunda:calledElementVersion="2">
  <extensionElements>
    <camunda:in businessKey="\${execution.processBusinessKey}"/>
    <camunda:in variables="all" local="true"/>
    <camunda:in source="a" target="b"/>
    <camunda:out sourceExpression="\${x + 1}" target="y"/>
  </extensionElements>
</callActivity>`),
    );
    expect(model.activities['call']).toMatchObject({
      kind: 'callActivity',
      calledElement: 'child',
      calledElementBinding: 'version',
      calledElementVersion: '2',
      callIn: [
        { businessKey: '${execution.processBusinessKey}' },
        { all: true, local: true },
        { source: 'a', target: 'b' },
      ],
      callOut: [{ sourceExpression: '${x + 1}', target: 'y' }],
    });
  });

  it('takes only the processes of a collaboration and gives flows without an id a key', async () => {
    const { processes } = await parseBpmn(
      definitions(`<collaboration id="collab">
  <participant id="part" processRef="a"/>
</collaboration>
<process id="a" isExecutable="true">
  <laneSet id="lanes"><lane id="lane"><flowNodeRef>s</flowNodeRef></lane></laneSet>
  <startEvent id="s"/>
  <sequenceFlow sourceRef="s" targetRef="e"/>
  <endEvent id="e"/>
  <textAnnotation id="note"><text>hi</text></textAnnotation>
  <association id="assoc" sourceRef="note" targetRef="s"/>
</process>
<process id="b"><startEvent id="s2"/></process>`),
      'collab.bpmn',
    );
    expect(processes.map((model) => [model.key, model.isExecutable])).toEqual([
      ['a', true],
      // Camunda treats a process without isExecutable as not executable.
      ['b', false],
    ]);
    expect(processes[0]?.activities['s']?.outgoing).toEqual(['#flow1']);
    expect(processes[0]?.sequenceFlows['#flow1']).toMatchObject({ sourceRef: 's', targetRef: 'e' });
  });
});
