import type {
  ActivityInstanceDto,
  TransitionInstanceDto,
} from '../../../contract/camunda/process-instance';
import { innerActivityId, isMultiInstanceBodyId } from './bpmn-index';

/** One token of the tree: an activity instance, or a transition instance (async continuation). */
export type TreeInstance =
  | { kind: 'activity'; instance: ActivityInstanceDto; parentId: string | null }
  | { kind: 'transition'; instance: TransitionInstanceDto; parentId: string };

/** Every activity and transition instance of the tree, root first, depth first. */
export function flattenTree(tree: ActivityInstanceDto): TreeInstance[] {
  const result: TreeInstance[] = [];
  const visit = (node: ActivityInstanceDto, parentId: string | null) => {
    result.push({ kind: 'activity', instance: node, parentId });
    for (const child of node.childActivityInstances) {
      visit(child, node.id);
    }
    for (const transition of node.childTransitionInstances) {
      result.push({ kind: 'transition', instance: transition, parentId: node.id });
    }
  };
  visit(tree, null);
  return result;
}

export function findInstance(tree: ActivityInstanceDto, id: string): TreeInstance | undefined {
  return flattenTree(tree).find((entry) => entry.instance.id === id);
}

/**
 * Ids of the instances that cancelling `id` removes (Camunda's `ActivityInstanceCancellationCmd`): the instance with everything
 * below it, and every ancestor left without other children, up to but excluding the process
 * instance, which a modification keeps alive until its last instruction (Camunda's `ModifyProcessInstanceCmd`).
 */
export function cancelledBy(
  tree: ActivityInstanceDto,
  id: string,
  alreadyRemoved: ReadonlySet<string> = new Set(),
): Set<string> {
  const entries = flattenTree(tree);
  const byId = new Map(entries.map((entry) => [entry.instance.id, entry]));
  const childrenOf = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.parentId !== null) {
      childrenOf.set(entry.parentId, [
        ...(childrenOf.get(entry.parentId) ?? []),
        entry.instance.id,
      ]);
    }
  }
  const removed = new Set<string>();
  const start = byId.get(id);
  if (start === undefined || alreadyRemoved.has(id)) {
    return removed;
  }
  let top = start;
  while (top.parentId !== null && top.parentId !== tree.id) {
    const remainingSiblings = (childrenOf.get(top.parentId) ?? []).filter(
      (sibling) => sibling !== top.instance.id && !alreadyRemoved.has(sibling),
    );
    const parent = byId.get(top.parentId);
    if (remainingSiblings.length > 0 || parent === undefined) {
      break;
    }
    top = parent;
  }
  const collect = (instanceId: string) => {
    removed.add(instanceId);
    for (const child of childrenOf.get(instanceId) ?? []) {
      collect(child);
    }
  };
  collect(top.instance.id);
  return removed;
}

/**
 * The tokens at an element: activity instances and transition instances whose activity is
 * `activityId` (for an activity with multi-instance, its inner instances).
 */
export function tokensAt(
  tree: ActivityInstanceDto,
  activityId: string,
  removed: ReadonlySet<string> = new Set(),
): TreeInstance[] {
  return flattenTree(tree).filter(
    (entry) =>
      entry.parentId !== null &&
      entry.instance.activityId === activityId &&
      !removed.has(entry.instance.id),
  );
}

/** Instances of a scope: the root for the process, else activity instances of that id. */
export function instancesOfScope(
  tree: ActivityInstanceDto,
  scopeId: string,
  processId: string,
  removed: ReadonlySet<string> = new Set(),
): ActivityInstanceDto[] {
  if (scopeId === processId) {
    return [tree];
  }
  return flattenTree(tree)
    .filter(
      (entry): entry is Extract<TreeInstance, { kind: 'activity' }> =>
        entry.kind === 'activity' &&
        entry.parentId !== null &&
        entry.instance.activityId === scopeId &&
        !removed.has(entry.instance.id),
    )
    .map((entry) => entry.instance);
}

/**
 * How many tokens sit at each diagram element: activity instances below the root and transition
 * instances, keyed by the element id (a multi-instance body counts under its activity's id only
 * through its inner instances, so it is skipped).
 */
export function countTokensByElement(tree: ActivityInstanceDto): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of flattenTree(tree)) {
    if (entry.parentId === null || isMultiInstanceBodyId(entry.instance.activityId)) {
      continue;
    }
    const elementId = innerActivityId(entry.instance.activityId);
    counts.set(elementId, (counts.get(elementId) ?? 0) + 1);
  }
  return counts;
}

/** Short form of an instance id for people: Camunda's `<activityId>:<uuid>` → the uuid's start. */
export function shortInstanceId(id: string): string {
  const uuid = id.includes(':') ? id.slice(id.lastIndexOf(':') + 1) : id;
  return uuid.length > 8 ? `${uuid.slice(0, 8)}…` : uuid;
}
