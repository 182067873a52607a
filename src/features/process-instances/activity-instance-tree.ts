import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import { isMultiInstanceBody, toElementId } from './token-overlays';

/** One node of the activity instance tree, shaped for display. */
export interface ActivityInstanceTreeItem {
  /** Unique in the document: the DOM id of the tree node. */
  nodeId: string;
  /** The activity instance id, or for a transition instance its execution id. */
  instanceId: string;
  kind: 'processInstance' | 'activity' | 'transition';
  /** The diagram element the node belongs to; null for the process instance. */
  elementId: string | null;
  name: string;
  activityType: string;
  incidentCount: number;
  children: ActivityInstanceTreeItem[];
}

const NODE_ID_PREFIX = 'activity-instance-';

/**
 * The tree as it is displayed: activity instances in engine order, then the transition instances
 * (tokens waiting in an async continuation) of the same scope.
 */
export function toActivityInstanceTreeItem(tree: ActivityInstanceDto): ActivityInstanceTreeItem {
  const visit = (instance: ActivityInstanceDto, isRoot: boolean): ActivityInstanceTreeItem => ({
    nodeId: NODE_ID_PREFIX + instance.id,
    instanceId: instance.id,
    kind: isRoot ? 'processInstance' : 'activity',
    elementId: isRoot ? null : toElementId(instance.activityId),
    name: instance.activityName ?? toElementId(instance.activityId),
    activityType: instance.activityType,
    incidentCount: instance.incidentIds.length,
    children: [
      ...instance.childActivityInstances.map((child) => visit(child, false)),
      ...instance.childTransitionInstances.map((transition) => ({
        nodeId: NODE_ID_PREFIX + transition.id,
        instanceId: transition.id,
        kind: 'transition' as const,
        elementId: toElementId(transition.activityId),
        name: transition.activityName ?? toElementId(transition.activityId),
        activityType: transition.activityType,
        incidentCount: transition.incidentIds.length,
        children: [],
      })),
    ],
  });
  return visit(tree, true);
}

/** Node ids of every ancestor of the nodes that belong to `elementId`: what must be expanded. */
export function findAncestorNodeIds(
  root: ActivityInstanceTreeItem,
  elementId: string,
): Set<string> {
  const ancestors = new Set<string>();
  const visit = (item: ActivityInstanceTreeItem, path: readonly string[]): void => {
    if (item.elementId === elementId) {
      for (const nodeId of path) {
        ancestors.add(nodeId);
      }
    }
    for (const child of item.children) {
      visit(child, [...path, item.nodeId]);
    }
  };
  visit(root, []);
  return ancestors;
}

/** Whether `item` or one of its descendants belongs to `elementId`. */
export function containsElement(item: ActivityInstanceTreeItem, elementId: string): boolean {
  return (
    item.elementId === elementId || item.children.some((child) => containsElement(child, elementId))
  );
}

/**
 * A readable name for every scope a variable can live in, by activity instance id: the process
 * instance, or the activity's name, numbered when the activity runs more than once (multi-instance).
 */
export function toScopeLabels(tree: ActivityInstanceDto): Map<string, string> {
  const instancesByActivity = new Map<string, ActivityInstanceDto[]>();
  const collect = (instance: ActivityInstanceDto) => {
    for (const child of instance.childActivityInstances) {
      const siblings = instancesByActivity.get(child.activityId) ?? [];
      siblings.push(child);
      instancesByActivity.set(child.activityId, siblings);
      collect(child);
    }
  };
  collect(tree);

  const labels = new Map<string, string>([[tree.id, 'Process instance']]);
  for (const [activityId, instances] of instancesByActivity) {
    instances.forEach((instance, index) => {
      const name = instance.activityName ?? toElementId(activityId);
      if (isMultiInstanceBody(activityId)) {
        labels.set(instance.id, `${name} (multi-instance body)`);
      } else {
        labels.set(instance.id, instances.length > 1 ? `${name} #${index + 1}` : name);
      }
    });
  }
  return labels;
}

/** The name of every diagram element the tree mentions, by element id. */
export function toActivityNames(tree: ActivityInstanceDto): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (instance: ActivityInstanceDto, isRoot: boolean) => {
    if (!isRoot && instance.activityName !== null) {
      names.set(toElementId(instance.activityId), instance.activityName);
    }
    for (const transition of instance.childTransitionInstances) {
      if (transition.activityName !== null) {
        names.set(toElementId(transition.activityId), transition.activityName);
      }
    }
    for (const child of instance.childActivityInstances) {
      visit(child, false);
    }
  };
  visit(tree, true);
  return names;
}
