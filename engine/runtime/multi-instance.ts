/**
 * Multi-instance bodies (Camunda's `MultiInstanceActivityBehavior`): the body creates its inner
 * instances with `loopCounter` and the collection element, keeps `nrOfInstances`,
 * `nrOfActiveInstances` and `nrOfCompletedInstances`, runs them all at once
 * (`ParallelMultiInstanceActivityBehavior`) or one after the other
 * (`SequentialMultiInstanceActivityBehavior`), and leaves when all are done or its completion
 * condition holds.
 */
import { ProcessEngineException } from '../errors';
import { isExpression } from '../expressions/evaluate-expression';
import type { Activity } from '../model/process-model';
import { NO_VALUE_INFO, type TypedValue } from '../variables';
import { MI_BODY_SUFFIX } from './activity-ids';
import type { ProcessRuntime } from './process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState, VariableRec } from './state';
import { toTypedValue } from './values';

export function executeBody(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activity: Activity,
  localVariables: Record<string, TypedValue>,
  carried: Record<string, VariableRec> = {},
): void {
  const loop = activity.multiInstance;
  if (!loop) {
    throw new ProcessEngineException(`Activity '${activity.id}' is not a multi-instance activity`);
  }
  const body = rt.tree.createActivityInstance(pi, scopeId, `${activity.id}${MI_BODY_SUFFIX}`);
  rt.variables.carryOver(body, carried);
  for (const [name, value] of Object.entries(localVariables)) {
    rt.variables.setVariableLocal(pi, body.id, name, value);
  }
  rt.subscriptions.createBoundaryEvents(pi, body, activity);
  const collection = loopCollection(rt, pi, body.id, activity);
  let count: number;
  if (loop.loopCardinality !== null) {
    const raw = isExpression(loop.loopCardinality)
      ? rt.expressions.evaluate(pi, body.id, loop.loopCardinality)
      : loop.loopCardinality;
    count = Number(raw);
    if (!Number.isInteger(count) || count < 0) {
      throw new ProcessEngineException(
        `Invalid number of instances: must be a non-negative integer value, but was ${String(raw)}`,
      );
    }
  } else if (collection) {
    count = collection.length;
  } else {
    throw new ProcessEngineException(
      `ENGINE-02028 Either loopCardinality or loopDataInputRef/activiti:collection must been set for multi-instance activity '${activity.id}'`,
    );
  }
  const integer = (value: number): TypedValue => ({
    type: 'Integer',
    value,
    valueInfo: NO_VALUE_INFO,
  });
  rt.variables.setVariableLocal(pi, body.id, 'nrOfInstances', integer(count));
  rt.variables.setVariableLocal(pi, body.id, 'nrOfCompletedInstances', integer(0));
  rt.variables.setVariableLocal(
    pi,
    body.id,
    'nrOfActiveInstances',
    integer(loop.sequential ? Math.min(1, count) : count),
  );
  if (count === 0) {
    leaveBody(rt, pi, body);
    return;
  }
  if (loop.sequential) {
    createInner(rt, pi, body, activity, 0, collection);
    return;
  }
  const created: string[] = [];
  for (let index = 0; index < count; index++) {
    created.push(createInner(rt, pi, body, activity, index, collection, false));
  }
  for (const id of created) {
    const inner = pi.activityInstances[id];
    if (inner) {
      rt.startActivity(pi, inner);
    }
  }
}

function loopCollection(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activity: Activity,
): unknown[] | null {
  const source = activity.multiInstance?.collection;
  if (!source) {
    return null;
  }
  const value = isExpression(source)
    ? rt.expressions.evaluate(pi, scopeId, source)
    : rt.expressions.expressionContext(pi, scopeId).getVariable(source);
  if (Array.isArray(value)) {
    return value as unknown[];
  }
  throw new ProcessEngineException(
    `ENGINE-02026 Invalid value '${String(value)}' for collection of multi-instance activity '${activity.id}': a collection (Json array) is required`,
  );
}

/**
 * Creates one inner instance of a body. Returns the id of the created token; with `start` false
 * the activity instance is created but its behaviour is left to the caller.
 */
export function createInner(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  body: ActivityInstanceRec,
  activity: Activity,
  loopCounter: number,
  collection: unknown[] | null,
  start = true,
  extraVariables: Record<string, TypedValue> = {},
): string {
  const variables: Record<string, TypedValue> = {
    loopCounter: { type: 'Integer', value: loopCounter, valueInfo: NO_VALUE_INFO },
  };
  const elementVariable = activity.multiInstance?.elementVariable;
  if (collection && elementVariable) {
    variables[elementVariable] = toTypedValue(collection[loopCounter]);
  }
  Object.assign(variables, extraVariables);
  if (activity.innerAsyncBefore) {
    return rt.jobs.createTransitionInstance(pi, body.id, activity.id, 'before', variables).id;
  }
  const inner = rt.tree.createActivityInstance(pi, body.id, activity.id);
  for (const [name, value] of Object.entries(variables)) {
    rt.variables.setVariableLocal(pi, inner.id, name, value);
  }
  if (start) {
    rt.startActivity(pi, inner);
  }
  return inner.id;
}

export function completionConditionMet(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activity: Activity,
): boolean {
  const condition = activity.multiInstance?.completionCondition;
  return condition ? rt.expressions.isTrue(pi, scopeId, condition) : false;
}

function bodyCounter(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  body: ActivityInstanceRec,
  name: string,
): number {
  const value = body.variables?.[name]?.value.value;
  return typeof value === 'number' ? value : 0;
}

/** One inner instance finished: nrOfCompletedInstances + 1, nrOfActiveInstances − 1. */
export function countInnerCompletion(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  bodyId: string,
): void {
  const body = pi.activityInstances[bodyId];
  if (!body) {
    return;
  }
  const integer = (value: number): TypedValue => ({
    type: 'Integer',
    value,
    valueInfo: NO_VALUE_INFO,
  });
  rt.variables.setVariableLocal(
    pi,
    body.id,
    'nrOfCompletedInstances',
    integer(bodyCounter(rt, pi, body, 'nrOfCompletedInstances') + 1),
  );
  rt.variables.setVariableLocal(
    pi,
    body.id,
    'nrOfActiveInstances',
    integer(Math.max(0, bodyCounter(rt, pi, body, 'nrOfActiveInstances') - 1)),
  );
}

/** Called after `countInnerCompletion` and the removal of the inner instance. */
export function innerCompleted(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  bodyId: string,
  completionConditionMet: boolean,
): void {
  const body = pi.activityInstances[bodyId];
  if (!body) {
    return;
  }
  const activity = rt.tree.activity(pi, body.activityId);
  const integer = (value: number): TypedValue => ({
    type: 'Integer',
    value,
    valueInfo: NO_VALUE_INFO,
  });
  const completed = bodyCounter(rt, pi, body, 'nrOfCompletedInstances');
  if (completionConditionMet) {
    for (const child of rt.tree.childInstances(pi, body.id)) {
      rt.cancelActivityInstance(pi, child);
    }
    for (const ti of rt.tree.childTransitions(pi, body.id)) {
      rt.tree.removeTransitionInstance(pi, ti);
    }
    leaveBody(rt, pi, body);
    return;
  }
  if (activity.multiInstance?.sequential) {
    if (completed < bodyCounter(rt, pi, body, 'nrOfInstances')) {
      rt.variables.setVariableLocal(pi, body.id, 'nrOfActiveInstances', integer(1));
      createInner(rt, pi, body, activity, completed, loopCollection(rt, pi, body.id, activity));
      return;
    }
    leaveBody(rt, pi, body);
    return;
  }
  if (!rt.tree.hasTokens(pi, body.id)) {
    leaveBody(rt, pi, body);
  }
}

export function leaveBody(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  body: ActivityInstanceRec,
): void {
  const activity = rt.tree.activity(pi, body.activityId);
  const parentId = body.parentId ?? pi.id;
  const flows = activity.asyncAfter ? [] : rt.outgoingFlows(pi, body.id, activity);
  rt.tree.removeActivityInstance(pi, body, false);
  if (activity.asyncAfter) {
    rt.jobs.createTransitionInstance(pi, parentId, body.activityId, 'after');
    return;
  }
  rt.takeFlows(pi, parentId, flows);
}
