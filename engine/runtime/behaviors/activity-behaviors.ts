/**
 * The behaviour of each activity kind: what the runtime runs when a token has entered an activity
 * (Camunda's `BpmnParse` gives each activity its `ActivityBehavior` the same way, by element).
 */
import type { Activity, ActivityKind } from '../../model/process-model';
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';
import type { ActivityBehavior, ActivityEvent } from './activity-behavior';
import { boundaryEventBehavior } from './boundary-event';
import { callActivityBehavior } from './call-activity';
import { endEventBehavior } from './end-event';
import { eventBasedGatewayBehavior } from './event-based-gateway';
import { exclusiveGatewayBehavior } from './exclusive-gateway';
import { inclusiveGatewayBehavior } from './inclusive-gateway';
import { intermediateCatchEventBehavior, leaveOnEvent } from './intermediate-catch-event';
import { intermediateThrowEventBehavior } from './intermediate-throw-event';
import { parallelGatewayBehavior } from './parallel-gateway';
import { receiveTaskBehavior } from './receive-task';
import { serviceTaskBehavior } from './service-task';
import { startEventBehavior } from './start-event';
import { subProcessBehavior } from './sub-process';
import { taskBehavior } from './task';
import { userTaskBehavior } from './user-task';

export const ACTIVITY_BEHAVIORS: Readonly<Record<ActivityKind, ActivityBehavior>> = {
  startEvent: startEventBehavior,
  endEvent: endEventBehavior,
  userTask: userTaskBehavior,
  manualTask: taskBehavior,
  receiveTask: receiveTaskBehavior,
  serviceTask: serviceTaskBehavior,
  task: taskBehavior,
  exclusiveGateway: exclusiveGatewayBehavior,
  parallelGateway: parallelGatewayBehavior,
  inclusiveGateway: inclusiveGatewayBehavior,
  eventBasedGateway: eventBasedGatewayBehavior,
  subProcess: subProcessBehavior,
  callActivity: callActivityBehavior,
  boundaryEvent: boundaryEventBehavior,
  intermediateCatchEvent: intermediateCatchEventBehavior,
  intermediateThrowEvent: intermediateThrowEventBehavior,
};

/**
 * The event `owner` waited for arrived: its behaviour's `signal`, or (for a wait state without
 * one) the activity just leaves.
 */
export function signalActivity(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  owner: ActivityInstanceRec,
  activity: Activity,
  event: ActivityEvent,
): void {
  const signal = ACTIVITY_BEHAVIORS[activity.kind].signal ?? leaveOnEvent;
  signal({ pi, ai: owner, activity }, event, rt);
}
