/**
 * What a predicted instance state means for the operator, read with the engine's semantics: the
 * instance ends, a parallel join can never fire, or a started token can never finish its scope.
 * Pure: the process model and two activity instance trees (before and after the modification).
 */
import type { HistoricProcessInstanceState } from '../runtime/state';
import { innerActivityId, isBodyId } from '../runtime/runtime';
import type { Activity, ProcessModel } from '../model/process-model';

export type PreviewWarning =
  /** Nothing is left to run: the modification ends the instance (completed or cancelled). */
  | { kind: 'instanceEnds'; state: HistoricProcessInstanceState }
  /**
   * A parallel join that tokens wait at, or will arrive at, while some of its incoming flows can
   * no longer be reached by any token of its scope instance: it will never fire.
   */
  | {
      kind: 'joinWaitsForever';
      joinId: string;
      /** The activity instance (scope) the join runs in; the process instance id at top level. */
      scopeInstanceId: string;
      /** Tokens already waiting at the join in that scope. */
      waiting: number;
      /** Incoming flows no token of the scope can reach any more. */
      unreachableFlowIds: string[];
    }
  /** A token the modification starts that no path leads from to an end of its scope. */
  | { kind: 'tokenCannotFinish'; activityId: string; instanceId: string };

/** The parts of `GET /process-instance/{id}/activity-instances` the analysis reads. */
export interface TreeNode {
  id: string;
  activityId: string;
  childActivityInstances: readonly TreeNode[];
  childTransitionInstances: readonly { id: string; activityId: string }[];
}

/**
 * The warnings for a predicted tree. `before` is the tree the plan runs on: tokens not in it are
 * the ones the modification starts.
 */
export function predictWarnings(
  model: ProcessModel,
  before: TreeNode,
  after: TreeNode,
): PreviewWarning[] {
  const existing = new Set<string>();
  visit(before, (node) => {
    existing.add(node.id);
    for (const transition of node.childTransitionInstances) {
      existing.add(transition.id);
    }
  });
  const warnings: PreviewWarning[] = [];
  visit(after, (node, isRoot) => {
    const containerId = isRoot ? model.key : node.activityId;
    if (isRoot || model.activities[containerId]?.isContainer === true) {
      warnings.push(...stuckJoins(model, node, containerId));
    }
    if (isBodyId(node.activityId)) {
      // Inner instances of a multi-instance body finish by completing; the body is what follows.
      return;
    }
    const started = [
      ...node.childActivityInstances.filter((child) => !existing.has(child.id)),
      ...node.childTransitionInstances.filter((transition) => !existing.has(transition.id)),
    ];
    for (const token of started) {
      if (!canFinish(model, innerActivityId(token.activityId))) {
        warnings.push({
          kind: 'tokenCannotFinish',
          activityId: token.activityId,
          instanceId: token.id,
        });
      }
    }
  });
  return warnings;
}

function visit(node: TreeNode, action: (node: TreeNode, isRoot: boolean) => void, isRoot = true) {
  action(node, isRoot);
  for (const child of node.childActivityInstances) {
    visit(child, action, false);
  }
}

/**
 * Parallel joins of one scope instance that will never fire. Camunda's
 * `ParallelGatewayActivityBehavior` fires once as many tokens wait as the gateway has incoming
 * flows, counting tokens rather than flows; so a join waits forever when more of its incoming
 * flows are out of every token's reach than tokens already wait there (each waiting token may
 * stand for one of those flows).
 */
function stuckJoins(model: ProcessModel, scope: TreeNode, containerId: string): PreviewWarning[] {
  const warnings: PreviewWarning[] = [];
  const joins = Object.values(model.activities).filter(
    (activity) =>
      activity.parentId === containerId &&
      activity.kind === 'parallelGateway' &&
      activity.incoming.length > 1,
  );
  for (const join of joins) {
    const waiting = scope.childActivityInstances.filter((child) => child.activityId === join.id);
    // Transition instances wait in an async continuation: they move on once their job runs.
    const moving = [
      ...scope.childActivityInstances.filter((child) => child.activityId !== join.id),
      ...scope.childTransitionInstances,
    ].map((token) => innerActivityId(token.activityId));
    const reachable = new Set(moving.flatMap((start) => [...reachableFrom(model, start)]));
    if (waiting.length === 0 && !reachable.has(join.id)) {
      continue;
    }
    const unreachableFlowIds = join.incoming.filter((flowId) => {
      const source = model.sequenceFlows[flowId]?.sourceRef;
      return source === undefined || !reachable.has(source);
    });
    if (unreachableFlowIds.length > waiting.length) {
      warnings.push({
        kind: 'joinWaitsForever',
        joinId: join.id,
        scopeInstanceId: scope.id,
        waiting: waiting.length,
        unreachableFlowIds,
      });
    }
  }
  return warnings;
}

/**
 * The elements a token at `startId` may still pass, itself included: along outgoing sequence
 * flows and into the boundary events of the activities on the way (their events may occur).
 */
function reachableFrom(model: ProcessModel, startId: string): Set<string> {
  const seen = new Set<string>();
  const queue = [startId];
  for (let current = queue.pop(); current !== undefined; current = queue.pop()) {
    const activity = model.activities[current];
    if (seen.has(current) || !activity) {
      continue;
    }
    seen.add(current);
    queue.push(...successors(model, activity));
  }
  return seen;
}

function successors(model: ProcessModel, activity: Activity): string[] {
  const targets = activity.outgoing.flatMap((flowId) => {
    const target = model.sequenceFlows[flowId]?.targetRef;
    return target === undefined ? [] : [target];
  });
  return [...targets, ...activity.boundaryEventIds];
}

/**
 * Whether a token at `activityId` can finish its scope: some element it can reach has no
 * outgoing flow, where Camunda ends the path (an end event, or any activity without outgoing
 * flows: `PvmAtomicOperationActivityEnd`). A parallel join on the way counts as passable: whether
 * it fires is what the join warning is about.
 */
function canFinish(model: ProcessModel, activityId: string): boolean {
  for (const id of reachableFrom(model, activityId)) {
    const activity = model.activities[id];
    if (activity && activity.outgoing.length === 0) {
      return true;
    }
  }
  // An element the model does not know (a flow, say) is not this analysis' business.
  return model.activities[activityId] === undefined;
}
