/**
 * BPMN errors and escalations thrown by end and intermediate throw events find their handler as
 * in Camunda's `BpmnExceptionHandler.propagateError` and `ThrowEscalationEventActivityBehavior`:
 * the innermost enclosing scope with a matching event subprocess or boundary event, up through
 * call activities into the calling instance.
 */
import type { Activity } from '../model/process-model';
import { isBodyId } from './activity-ids';
import { triggerBoundaryEvent } from './behaviors/boundary-event';
import { triggerEventSubProcess } from './behaviors/event-subprocess';
import type { ProcessRuntime } from './process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from './state';

/**
 * Finds the innermost handler of a BPMN error: an error event subprocess of an enclosing scope,
 * or an error boundary event on an enclosing activity; without one the path just ends.
 */
export function propagateError(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  thrower: ActivityInstanceRec,
  errorCode: string | null,
): void {
  const scopeId = thrower.parentId ?? pi.id;
  rt.listeners.invokeListeners(
    pi,
    thrower.id,
    rt.tree.activity(pi, thrower.activityId).listeners,
    'end',
  );
  rt.tree.removeActivityInstance(pi, thrower, false);
  const handled = findHandler(rt, pi, scopeId, 'error', errorCode);
  if (!handled) {
    rt.scopeMaybeComplete(pi, scopeId);
  }
}

/** An escalation is caught by a matching handler, if any; the thrower goes on either way. */
export function propagateEscalation(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  thrower: ActivityInstanceRec,
  code: string | null,
): void {
  findHandler(rt, pi, thrower.parentId ?? pi.id, 'escalation', code);
}

function findHandler(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  fromScopeId: string,
  kind: 'error' | 'escalation',
  code: string | null,
): boolean {
  const model = rt.tree.model(pi);
  let scope: ActivityInstanceRec | undefined = pi.activityInstances[fromScopeId];
  while (scope) {
    const isRoot = scope.parentId === null;
    if (!isBodyId(scope.activityId)) {
      const espIds = isRoot
        ? model.eventSubProcessIds
        : rt.tree.activity(pi, scope.activityId).eventSubProcessIds;
      for (const start of rt.subscriptions.eventSubProcessStarts(pi, espIds)) {
        if (matchesCode(start, kind, code)) {
          triggerEventSubProcess(rt, pi, scope, start.id, {});
          return true;
        }
      }
    }
    if (!isRoot && !rt.tree.isInnerOfBody(pi, scope.parentId)) {
      const activity = rt.tree.activity(pi, scope.activityId);
      for (const boundaryId of activity.boundaryEventIds) {
        const boundary = model.activities[boundaryId];
        if (boundary && matchesCode(boundary, kind, code)) {
          triggerBoundaryEvent(rt, pi, scope, boundary.id, {});
          return true;
        }
      }
    }
    scope = scope.parentId === null ? undefined : pi.activityInstances[scope.parentId];
  }
  if (pi.superProcessInstanceId && pi.superActivityInstanceId) {
    const caller = rt.ctx.instance(pi.superProcessInstanceId);
    const callActivity = caller?.activityInstances[pi.superActivityInstanceId];
    if (caller && callActivity) {
      const activity = rt.tree.activity(caller, callActivity.activityId);
      for (const boundaryId of activity.boundaryEventIds) {
        const boundary = rt.tree.model(caller).activities[boundaryId];
        if (boundary && matchesCode(boundary, kind, code)) {
          triggerBoundaryEvent(rt, caller, callActivity, boundary.id, {});
          return true;
        }
      }
      return findHandler(rt, caller, callActivity.parentId ?? caller.id, kind, code);
    }
  }
  return false;
}

function matchesCode(event: Activity, kind: 'error' | 'escalation', code: string | null): boolean {
  const definition = event.eventDefinition;
  if (kind === 'error' && definition.kind === 'error') {
    return definition.errorCode === null || definition.errorCode === code;
  }
  if (kind === 'escalation' && definition.kind === 'escalation') {
    return definition.escalationCode === null || definition.escalationCode === code;
  }
  return false;
}
