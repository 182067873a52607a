/**
 * How a token moves: it enters an activity (honouring asyncBefore and multi-instance bodies), the
 * activity's scope is entered and its behaviour runs, and it leaves the activity by sequence flows
 * (honouring asyncAfter) or completes its scope. Camunda does this in its atomic operations
 * (`PvmAtomicOperationTransitionNotifyListenerStart`, `PvmAtomicOperationActivityExecute`,
 * `PvmAtomicOperationActivityEnd`, `PvmAtomicOperationTransitionNotifyListenerTake`) and
 * `BpmnActivityBehavior.performDefaultOutgoingBehavior`.
 */
import { ProcessEngineException } from '../errors';
import type { Activity } from '../model/process-model';
import type { TypedValue } from '../variables';
import { MI_BODY_SUFFIX, isBodyId } from './activity-ids';
import { ACTIVITY_BEHAVIORS } from './behaviors/activity-behaviors';
import { retryInclusiveJoins } from './behaviors/inclusive-gateway';
import type { ProcessRuntime } from './process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState, VariableRec } from './state';

/** A token arrives at `activityId` inside the scope instance `scopeId`. */
export function enter(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activityId: string,
  localVariables: Record<string, TypedValue> = {},
): void {
  const activity = rt.tree.activity(pi, activityId);
  if (activity.multiInstance && !isBodyId(activityId) && !rt.tree.isInnerOfBody(pi, scopeId)) {
    enter(rt, pi, scopeId, `${activityId}${MI_BODY_SUFFIX}`, localVariables);
    return;
  }
  if (isBodyId(activityId)) {
    if (activity.asyncBefore) {
      rt.jobs.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
    } else {
      rt.executeBody(pi, scopeId, activity, localVariables);
    }
    return;
  }
  const asyncBefore = activity.multiInstance
    ? (activity.innerAsyncBefore ?? false)
    : activity.asyncBefore;
  if (asyncBefore) {
    rt.jobs.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
    return;
  }
  execute(rt, pi, scopeId, activityId, localVariables);
}

/**
 * Enters an activity without honouring asyncBefore: the continuation runs now. `carried` are the
 * variables of the async continuation's execution, which go on unchanged (no history event).
 */
export function execute(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activityId: string,
  localVariables: Record<string, TypedValue> = {},
  carried: Record<string, VariableRec> = {},
): void {
  if (isBodyId(activityId)) {
    rt.executeBody(pi, scopeId, rt.tree.activity(pi, activityId), localVariables, carried);
    return;
  }
  const ai = rt.tree.createActivityInstance(pi, scopeId, activityId);
  rt.variables.carryOver(ai, carried);
  for (const [name, value] of Object.entries(localVariables)) {
    rt.variables.setVariableLocal(pi, ai.id, name, value);
  }
  startActivity(rt, pi, ai);
}

/** Scope entry (input mappings, start listeners, subscriptions) followed by the behaviour. */
export function startActivity(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
): void {
  const activity = rt.tree.activity(pi, ai.activityId);
  enterScope(rt, pi, ai, activity);
  if (!pi.activityInstances[ai.id]) {
    return;
  }
  ACTIVITY_BEHAVIORS[activity.kind].execute({ pi, ai, activity }, rt);
}

/** What creating an activity instance does before its behaviour runs (also for missing scopes). */
export function enterScope(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
  activity: Activity,
): void {
  rt.io.runInputMappings(pi, ai, activity);
  rt.listeners.invokeListeners(pi, ai.id, activity.listeners, 'start');
  if (!pi.activityInstances[ai.id]) {
    return;
  }
  if (!activity.multiInstance || isBodyId(ai.activityId)) {
    rt.subscriptions.createBoundaryEvents(pi, ai, activity);
  }
  if (activity.isContainer) {
    rt.subscriptions.createEventSubProcessSubscriptions(pi, ai, activity.eventSubProcessIds);
  }
}

/**
 * Missing scopes are created without running their start event, as `AbstractInstantiationCmd`
 * creates them through `PvmExecutionImpl.executeActivities`.
 */
export function enterScopeOnly(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  parentId: string,
  activityId: string,
): ActivityInstanceRec {
  const ai = rt.tree.createActivityInstance(pi, parentId, activityId);
  if (isBodyId(activityId)) {
    return ai;
  }
  enterScope(rt, pi, ai, rt.tree.activity(pi, activityId));
  return ai;
}

/** The activity completes normally and its token moves on. */
export function leave(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
  flows?: string[],
): void {
  const activity = rt.tree.activity(pi, ai.activityId);
  const parentId = ai.parentId ?? pi.id;
  const innerOfBody = rt.tree.isInnerOfBody(pi, ai.parentId);
  let completionConditionMet = false;
  let flowsToTake: string[] = [];
  if (innerOfBody && !activity.innerAsyncAfter) {
    // Camunda updates the body's counters before it evaluates the completion condition.
    rt.countInnerCompletion(pi, parentId);
    completionConditionMet = rt.completionConditionMet(pi, ai.id, activity);
  } else if (innerOfBody) {
    completionConditionMet = false;
  } else if (!(activity.asyncAfter && flows === undefined)) {
    flowsToTake = flows ?? outgoingFlows(rt, pi, ai.id, activity);
  }
  rt.io.runOutputMappings(pi, ai, activity);
  rt.listeners.invokeListeners(pi, ai.id, activity.listeners, 'end');
  if (!pi.activityInstances[ai.id]) {
    return;
  }
  rt.tree.removeActivityInstance(pi, ai, false);
  if (innerOfBody) {
    const innerAsyncAfter = activity.innerAsyncAfter ?? false;
    if (innerAsyncAfter) {
      rt.jobs.createTransitionInstance(pi, parentId, activity.id, 'after');
      return;
    }
    rt.innerCompleted(pi, parentId, completionConditionMet);
    return;
  }
  const asyncAfter = activity.multiInstance ? false : activity.asyncAfter;
  if (asyncAfter) {
    rt.jobs.createTransitionInstance(
      pi,
      parentId,
      ai.activityId,
      'after',
      {},
      flows?.length === 1 ? (flows[0] ?? null) : null,
    );
    return;
  }
  takeFlows(rt, pi, parentId, flowsToTake);
}

export function takeFlows(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  flows: string[],
): void {
  if (flows.length === 0) {
    scopeMaybeComplete(rt, pi, scopeId);
    return;
  }
  rt.ctx.pendingTokens.set(scopeId, (rt.ctx.pendingTokens.get(scopeId) ?? 0) + flows.length);
  for (const flowId of flows) {
    rt.ctx.pendingTokens.set(scopeId, (rt.ctx.pendingTokens.get(scopeId) ?? 1) - 1);
    if (!pi.activityInstances[scopeId]) {
      continue;
    }
    takeFlow(rt, pi, scopeId, flowId);
  }
}

export function takeFlow(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  flowId: string,
  localVariables: Record<string, TypedValue> = {},
): void {
  const flow = rt.tree.model(pi).sequenceFlows[flowId];
  if (!flow) {
    throw new ProcessEngineException(`Sequence flow '${flowId}' does not exist`);
  }
  rt.listeners.invokeFlowListeners(pi, scopeId, flowId);
  enter(rt, pi, scopeId, flow.targetRef, localVariables);
}

/** The flows a non-gateway activity takes: every unconditional flow and every true condition. */
export function outgoingFlows(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activity: Activity,
): string[] {
  const model = rt.tree.model(pi);
  const chosen = activity.outgoing.filter((flowId) => {
    const flow = model.sequenceFlows[flowId];
    return (
      flow !== undefined &&
      flowId !== activity.defaultFlow &&
      (flow.condition === null || rt.expressions.isTrue(pi, scopeId, flow.condition))
    );
  });
  if (chosen.length === 0 && activity.defaultFlow) {
    return [activity.defaultFlow];
  }
  return chosen;
}

/** A scope instance without tokens completes: the root ends, a subprocess leaves. */
export function scopeMaybeComplete(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
): void {
  if ((rt.ctx.pendingTokens.get(scopeId) ?? 0) > 0) {
    return;
  }
  const scope = pi.activityInstances[scopeId];
  if (!scope || rt.tree.hasTokens(pi, scopeId)) {
    return;
  }
  retryInclusiveJoins(rt, pi, scopeId);
  if (scope.parentId === null) {
    if (rt.ctx.preserved.has(pi.id)) {
      rt.ctx.rootEmptied.set(pi.id, 'completed');
      return;
    }
    rt.endProcessInstance(pi, 'completed');
    return;
  }
  if (isBodyId(scope.activityId)) {
    rt.leaveBody(pi, scope);
    return;
  }
  leave(rt, pi, scope);
}
