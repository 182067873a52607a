/**
 * Cancelling tokens: an activity instance with everything below it (end listeners and output
 * mappings run, called instances are deleted), as Camunda's `PvmAtomicOperationDeleteCascade`
 * does, the content of an interrupted scope, and the climb a modification's cancellation makes
 * to the topmost ancestor left empty (`AbstractInstanceCancellationCmd`).
 */
import { isBodyId } from './activity-ids';
import type { ProcessRuntime } from './process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from './state';

/** Cancels everything inside a scope instance, as an interrupting event subprocess does. */
export function interruptScope(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scope: ActivityInstanceRec,
): void {
  for (const child of rt.tree.childInstances(pi, scope.id)) {
    if (pi.activityInstances[child.id]) {
      cancelActivityInstance(rt, pi, child);
    }
  }
  for (const ti of rt.tree.childTransitions(pi, scope.id)) {
    rt.tree.removeTransitionInstance(pi, ti);
  }
  for (const subscription of rt.tree.subscriptionsOf(pi, scope.id)) {
    rt.tree.deleteEventSubscription(pi, subscription.id);
  }
  for (const job of rt.tree.jobsOf(pi, scope.id)) {
    rt.tree.deleteJob(pi, job.id);
  }
}

/**
 * Cancels a token as a modification does: climbs to the topmost ancestor that has no other child
 * and cancels that (Camunda's `AbstractInstanceCancellationCmd`). An emptied root is left for the
 * end of the command.
 */
export function cancelWithPropagation(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  tokenId: string,
): void {
  let current: string = tokenId;
  for (;;) {
    const parentId: string | null =
      pi.activityInstances[current]?.parentId ?? pi.transitionInstances[current]?.parentId ?? null;
    if (parentId === null || rt.tree.hasTokens(pi, parentId, current)) {
      break;
    }
    current = parentId;
  }
  const ai = pi.activityInstances[current];
  if (ai && ai.parentId === null) {
    for (const child of rt.tree.childInstances(pi, ai.id)) {
      if (pi.activityInstances[child.id]) {
        cancelActivityInstance(rt, pi, child);
      }
    }
    for (const ti of rt.tree.childTransitions(pi, ai.id)) {
      rt.tree.removeTransitionInstance(pi, ti);
    }
    rt.ctx.rootEmptied.set(pi.id, 'cancelled');
    return;
  }
  if (ai) {
    cancelActivityInstance(rt, pi, ai);
    return;
  }
  const ti = pi.transitionInstances[current];
  if (ti) {
    rt.tree.removeTransitionInstance(pi, ti);
  }
}

/** Ends a process instance whose root has no tokens left (outside modifications). */
export function finishIfEmpty(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  reason: 'completed' | 'cancelled',
): void {
  if (rt.ctx.isEnded(pi.id) || rt.tree.hasTokens(pi, pi.id) || rt.ctx.preserved.has(pi.id)) {
    if (rt.ctx.preserved.has(pi.id) && !rt.tree.hasTokens(pi, pi.id)) {
      rt.ctx.rootEmptied.set(pi.id, reason);
    }
    return;
  }
  rt.endProcessInstance(pi, reason);
}

/** Cancels an activity instance and everything below it; end listeners and output mappings run. */
export function cancelActivityInstance(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
): void {
  for (const child of rt.tree.childInstances(pi, ai.id).reverse()) {
    if (pi.activityInstances[child.id]) {
      cancelActivityInstance(rt, pi, child);
    }
  }
  for (const ti of rt.tree.childTransitions(pi, ai.id)) {
    rt.tree.removeTransitionInstance(pi, ti);
  }
  if (ai.calledProcessInstanceId) {
    const sub = rt.ctx.instance(ai.calledProcessInstanceId);
    if (sub) {
      rt.ctx.cancellingFromCaller.add(sub.id);
      rt.deleteProcessInstance(sub, 'Cancellation due to process instance modifcation', true);
    }
  }
  if (ai.parentId !== null) {
    const activity = rt.tree.activity(pi, ai.activityId);
    if (!isBodyId(ai.activityId)) {
      rt.io.runOutputMappings(pi, ai, activity);
      rt.listeners.invokeListeners(pi, ai.id, activity.listeners, 'end');
    }
  }
  if (pi.activityInstances[ai.id]) {
    rt.tree.removeActivityInstance(pi, ai, true);
  }
}
