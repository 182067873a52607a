/**
 * Activity instance trees (`GET /process-instance/{id}/activity-instances`): walking, comparing with
 * an expected tree regardless of the order of children, and printing both compactly.
 */
import type { ExpectedActivityInstance, ExpectedTree } from './conformance-case';

/** Camunda's `TransitionInstanceDto`: a token waiting at an async continuation. */
export interface TransitionInstanceDto {
  id: string;
  activityId: string;
  parentActivityInstanceId: string | null;
}

/** Camunda's `ActivityInstanceDto`, the fields the runner reads. */
export interface ActivityInstanceDto {
  id: string;
  activityId: string;
  parentActivityInstanceId: string | null;
  childActivityInstances?: ActivityInstanceDto[];
  childTransitionInstances?: TransitionInstanceDto[];
}

/** Activity instances in depth-first pre-order, and the transition instances met on the way. */
export function walkTree(root: ActivityInstanceDto): {
  activities: ActivityInstanceDto[];
  transitions: TransitionInstanceDto[];
} {
  const activities: ActivityInstanceDto[] = [];
  const transitions: TransitionInstanceDto[] = [];
  const visit = (node: ActivityInstanceDto) => {
    activities.push(node);
    transitions.push(...(node.childTransitionInstances ?? []));
    for (const child of node.childActivityInstances ?? []) {
      visit(child);
    }
  };
  visit(root);
  return { activities, transitions };
}

/** The common shape of expected and actual trees. */
export interface TreeShape {
  activityId: string;
  children: TreeShape[];
  transitions: string[];
}

function shapeOfExpectedChild(node: ExpectedActivityInstance): TreeShape {
  if (typeof node === 'string') {
    return { activityId: node, children: [], transitions: [] };
  }
  return {
    activityId: node.activityId,
    children: (node.children ?? []).map(shapeOfExpectedChild),
    transitions: node.transitions ?? [],
  };
}

/** An expected tree, whose root is the process instance of `processDefinitionId`. */
export function shapeOfExpected(tree: ExpectedTree, processDefinitionId: string): TreeShape {
  return {
    activityId: processDefinitionId,
    children: (tree.children ?? []).map(shapeOfExpectedChild),
    transitions: tree.transitions ?? [],
  };
}

export function shapeOfActual(node: ActivityInstanceDto): TreeShape {
  return {
    activityId: node.activityId,
    children: (node.childActivityInstances ?? []).map(shapeOfActual),
    transitions: (node.childTransitionInstances ?? []).map((t) => t.activityId),
  };
}

/** Equal keys <=> equal trees when the order of children and transitions is ignored. */
function treeKey(shape: TreeShape): string {
  return JSON.stringify([
    shape.activityId,
    shape.children.map(treeKey).sort(),
    [...shape.transitions].sort(),
  ]);
}

/**
 * Camunda's tree does not order children, so children and transitions compare as multisets; a
 * missing `children` or `transitions` means none.
 */
export function matchTree(
  expected: ExpectedTree,
  actual: ActivityInstanceDto,
  processDefinitionId: string,
): boolean {
  return treeKey(shapeOfExpected(expected, processDefinitionId)) === treeKey(shapeOfActual(actual));
}

/** Compact, order-normalised form such as `root[sub[task2, ~async], task1]` (~ = transition). */
export function renderShape(shape: TreeShape, processDefinitionId: string | null): string {
  const label = shape.activityId === processDefinitionId ? 'root' : shape.activityId;
  const items = [
    ...shape.children.map((child) => renderShape(child, processDefinitionId)).sort(),
    ...shape.transitions.map((t) => `~${t}`).sort(),
  ];
  return items.length ? `${label}[${items.join(', ')}]` : label;
}

export function renderExpectedTree(tree: ExpectedTree, processDefinitionId: string): string {
  return renderShape(shapeOfExpected(tree, processDefinitionId), processDefinitionId);
}

export function renderActualTree(
  node: ActivityInstanceDto,
  processDefinitionId: string | null,
): string {
  return renderShape(shapeOfActual(node), processDefinitionId);
}

/** Non-root activity instances without child activity instances. */
export function countLeaves(tree: ActivityInstanceDto): number {
  return walkTree(tree)
    .activities.slice(1)
    .filter((node) => !(node.childActivityInstances ?? []).length).length;
}
