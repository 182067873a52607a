/**
 * Test data of the modification features: an order process, activity instance trees built by
 * hand, and the operation log entry a modification writes.
 */
import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import type {
  ActivityInstanceDto,
  TransitionInstanceDto,
} from '../../../contract/camunda/process-instance';

export const PROCESS_INSTANCE_ID = 'pi-1';
export const PROCESS_DEFINITION_ID = 'order:1:def-1';
export const PROCESS_DEFINITION_KEY = 'order';

/**
 * start → fork ⇉ (sub: pick) and (ship → decide → yes: join | no: approve ×3 → join) → end;
 * ship has an interrupting timer "Shipping late" → escalate → end.
 */
export const ORDER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="test">
  <process id="order" name="Order" isExecutable="true">
    <startEvent id="start" name="Order received"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f2" sourceRef="fork" targetRef="sub"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="ship"/>
    <subProcess id="sub" name="Pick items">
      <startEvent id="subStart"/>
      <sequenceFlow id="s1" sourceRef="subStart" targetRef="pick"/>
      <userTask id="pick" name="Pick item"/>
      <sequenceFlow id="s2" sourceRef="pick" targetRef="subEnd"/>
      <endEvent id="subEnd"/>
    </subProcess>
    <userTask id="ship" name="Ship order"/>
    <boundaryEvent id="shipTimeout" name="Shipping late" attachedToRef="ship">
      <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
    </boundaryEvent>
    <sequenceFlow id="f7" sourceRef="shipTimeout" targetRef="escalate"/>
    <userTask id="escalate" name="Escalate"/>
    <sequenceFlow id="f8" sourceRef="escalate" targetRef="end"/>
    <sequenceFlow id="f4" sourceRef="sub" targetRef="join"/>
    <sequenceFlow id="f5" sourceRef="ship" targetRef="decide"/>
    <exclusiveGateway id="decide" name="Paid?"/>
    <sequenceFlow id="yes" name="yes" sourceRef="decide" targetRef="join">
      <conditionExpression xsi:type="tFormalExpression">\${paid}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="no" name="no" sourceRef="decide" targetRef="approve">
      <conditionExpression xsi:type="tFormalExpression">\${!paid}</conditionExpression>
    </sequenceFlow>
    <userTask id="approve" name="Approve">
      <multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics>
    </userTask>
    <sequenceFlow id="f9" sourceRef="approve" targetRef="join"/>
    <parallelGateway id="join"/>
    <sequenceFlow id="f6" sourceRef="join" targetRef="end"/>
    <endEvent id="end" name="Done"/>
  </process>
</definitions>`;

type Child = ActivityInstanceDto | TransitionInstanceDto;

/** An activity instance with children; parents are filled in by `processTree`. */
export function activityInstance(
  id: string,
  activityId: string,
  ...children: Child[]
): ActivityInstanceDto {
  return {
    id,
    parentActivityInstanceId: null,
    activityId,
    activityType: activityId.endsWith('#multiInstanceBody') ? 'multiInstanceBody' : 'userTask',
    processInstanceId: PROCESS_INSTANCE_ID,
    processDefinitionId: PROCESS_DEFINITION_ID,
    childActivityInstances: children.filter(isActivityInstance),
    childTransitionInstances: children.filter(
      (child): child is TransitionInstanceDto => !isActivityInstance(child),
    ),
    executionIds: [`exec-${id}`],
    activityName: null,
    name: null,
    incidentIds: [],
    incidents: [],
  };
}

/** A token waiting in an async continuation before `activityId`. */
export function transitionInstance(id: string, activityId: string): TransitionInstanceDto {
  return {
    id,
    parentActivityInstanceId: '',
    activityId,
    targetActivityId: activityId,
    activityName: null,
    activityType: 'serviceTask',
    processInstanceId: PROCESS_INSTANCE_ID,
    processDefinitionId: PROCESS_DEFINITION_ID,
    executionId: id,
    incidentIds: [],
    incidents: [],
  };
}

/** The root (the process instance) with the given children, parent ids set throughout. */
export function processTree(...children: Child[]): ActivityInstanceDto {
  const root = activityInstance(PROCESS_INSTANCE_ID, PROCESS_DEFINITION_ID, ...children);
  root.activityType = 'processDefinition';
  return withParents(root, null);
}

function withParents(node: ActivityInstanceDto, parentId: string | null): ActivityInstanceDto {
  return {
    ...node,
    parentActivityInstanceId: parentId,
    childActivityInstances: node.childActivityInstances.map((child) => withParents(child, node.id)),
    childTransitionInstances: node.childTransitionInstances.map((child) => ({
      ...child,
      parentActivityInstanceId: node.id,
    })),
  };
}

function isActivityInstance(child: Child): child is ActivityInstanceDto {
  return 'childActivityInstances' in child;
}

/** The usual state: one token in the subprocess at "Pick item", one at "Ship order". */
export function runningOrderTree(): ActivityInstanceDto {
  return processTree(
    activityInstance('sub:1', 'sub', activityInstance('pick:1', 'pick')),
    activityInstance('ship:1', 'ship'),
  );
}

/**
 * The entry Camunda writes for `POST /process-instance/{id}/modification`
 * (ModifyProcessInstanceCmd) on instance pi-1 of `order:1`, without an annotation.
 */
export function modificationLogEntry(
  overrides: Partial<UserOperationLogEntryDto> = {},
): UserOperationLogEntryDto {
  return {
    id: 'entry-1',
    userId: 'demo',
    timestamp: '2024-05-01T10:00:05.000+0000',
    operationId: 'op-1',
    operationType: 'ModifyProcessInstance',
    entityType: 'ProcessInstance',
    category: 'Operator',
    annotation: null,
    property: null,
    orgValue: null,
    newValue: null,
    deploymentId: null,
    processDefinitionId: 'order:1',
    processDefinitionKey: 'order',
    processInstanceId: 'pi-1',
    executionId: null,
    caseDefinitionId: null,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: null,
    externalTaskId: null,
    batchId: null,
    jobId: null,
    jobDefinitionId: null,
    removalTime: null,
    rootProcessInstanceId: 'pi-1',
    ...overrides,
  };
}
