/**
 * An inclusive gateway takes every outgoing flow whose condition holds, the default flow when
 * none does; with several incoming flows it first waits until no other token of its scope can
 * still reach it (Camunda's `InclusiveGatewayActivityBehavior`).
 */
import { ProcessEngineException } from '../../errors';
import type { Activity } from '../../model/process-model';
import { innerActivityId } from '../activity-ids';
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';
import type { ActivityBehavior } from './activity-behavior';
import { fireJoin, waitingAtJoin } from './gateway-join';

export const inclusiveGatewayBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    if (activity.incoming.length > 1) {
      ai.joinWaiting = true;
      tryInclusiveJoin(rt, pi, ai.parentId ?? pi.id, activity);
    } else {
      rt.leave(pi, ai, inclusiveFlows(rt, pi, ai, activity));
    }
  },
};

/**
 * A scope whose tokens have all come to rest may have let a waiting inclusive join become
 * ready: the first one waiting is tried again.
 */
export function retryInclusiveJoins(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
): void {
  for (const waiting of rt.tree.childInstances(pi, scopeId)) {
    const activity = rt.tree.model(pi).activities[waiting.activityId];
    if (waiting.joinWaiting && activity?.kind === 'inclusiveGateway') {
      tryInclusiveJoin(rt, pi, scopeId, activity);
      return;
    }
  }
}

/**
 * The flows a non-gateway activity would take (`outgoingFlows`), except that an inclusive gateway
 * with outgoing flows must take one: none selected is Camunda's ENGINE-02004.
 */
function inclusiveFlows(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
  activity: Activity,
): string[] {
  const flows = rt.outgoingFlows(pi, ai.id, activity);
  if (flows.length === 0 && activity.outgoing.length > 0) {
    throw new ProcessEngineException(
      `ENGINE-02004 No outgoing sequence flow for the element with id '${activity.id}' could be selected for continuing the process.`,
    );
  }
  return flows;
}

/** An inclusive join fires once no other token in the scope can still reach it. */
function tryInclusiveJoin(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activity: Activity,
): void {
  const waiting = waitingAtJoin(rt, pi, scopeId, activity.id);
  const first = waiting[0];
  if (!first) {
    return;
  }
  const others = [
    ...rt.tree
      .childInstances(pi, scopeId)
      .filter((other) => !(other.activityId === activity.id && other.joinWaiting)),
    ...rt.tree.childTransitions(pi, scopeId),
  ];
  if (others.some((token) => canReach(rt, pi, token.activityId, activity.id))) {
    return;
  }
  fireJoin(rt, pi, first, waiting, () => inclusiveFlows(rt, pi, first, activity));
}

function canReach(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  fromId: string,
  toId: string,
): boolean {
  const model = rt.tree.model(pi);
  const seen = new Set<string>();
  const queue = [innerActivityId(fromId)];
  while (queue.length > 0) {
    const current = queue.pop() as string;
    if (current === toId) {
      return true;
    }
    if (seen.has(current)) {
      continue;
    }
    seen.add(current);
    const activity = model.activities[current];
    if (!activity) {
      continue;
    }
    for (const flowId of activity.outgoing) {
      const target = model.sequenceFlows[flowId]?.targetRef;
      if (target) {
        queue.push(target);
      }
    }
    queue.push(...activity.boundaryEventIds);
  }
  return false;
}
