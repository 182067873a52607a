/**
 * References (`{ ref }` in bodies, plain strings in some assertions): ids known only at run time,
 * resolved against the target instance's current tree or one recorded by a snapshot step.
 */
import type { ActivityInstanceDto, TransitionInstanceDto } from './activity-instance-tree';
import { renderActualTree, walkTree } from './activity-instance-tree';
import type { RefValue } from './conformance-case';

export type ParsedRef =
  | { kind: 'processInstanceId' | 'processDefinitionId' | 'allInstances'; snapshot: string | null }
  | { kind: 'instance'; index: number; snapshot: string | null }
  | {
      kind: 'activityId' | 'transitionActivityId';
      activityId: string;
      index: number;
      snapshot: string | null;
    };

export type RefKind = ParsedRef['kind'];

/** References that read the target instance's tree. */
export const TREE_REF_KINDS: ReadonlySet<RefKind> = new Set(['activityId', 'transitionActivityId']);
/** References that need the target instance. */
export const TARGET_REF_KINDS: ReadonlySet<RefKind> = new Set([
  'processInstanceId',
  'activityId',
  'transitionActivityId',
]);

/** Splits a reference such as `activityId:miTasks#multiInstanceBody#0@initial`. */
export function parseRef(ref: string): ParsedRef {
  if (ref === '') {
    throw new Error('invalid reference ""');
  }
  const at = ref.lastIndexOf('@');
  const base = at < 0 ? ref : ref.slice(0, at);
  const snapshot = at < 0 ? null : ref.slice(at + 1);
  if (base === 'processInstanceId' || base === 'processDefinitionId' || base === 'allInstances') {
    return { kind: base, snapshot };
  }
  const instance = /^instance#(\d+)$/.exec(base);
  if (instance) {
    return { kind: 'instance', index: Number(instance[1]), snapshot };
  }
  // Greedy `.+` makes the index the number after the LAST '#'.
  const tree = /^(activityId|transitionActivityId):(.+)#(\d+)$/.exec(base);
  if (tree) {
    return {
      kind: tree[1] === 'activityId' ? 'activityId' : 'transitionActivityId',
      activityId: tree[2] ?? '',
      index: Number(tree[3]),
      snapshot,
    };
  }
  throw new Error(`unknown reference '${ref}'`);
}

/** What a step's references see. */
export interface RefView {
  targetId?: string;
  tree?: ActivityInstanceDto;
  instances: readonly string[];
}

export interface RefScope extends RefView {
  processDefinitionId: string | null;
  snapshots: Readonly<Record<string, RefView>>;
}

export type ResolvedId = string | string[];

export interface Resolved {
  id: ResolvedId;
  node?: ActivityInstanceDto | TransitionInstanceDto;
}

/** Resolves a reference to its id, and to its tree node when it names an instance in the tree. */
export function lookupRef(ref: string, scope: RefScope): Resolved {
  const parsed = parseRef(ref);
  let view: RefView = scope;
  if (parsed.snapshot !== null) {
    const snapshot = scope.snapshots[parsed.snapshot];
    if (!snapshot) {
      throw new Error(`reference '${ref}': no snapshot '${parsed.snapshot}' was taken`);
    }
    view = snapshot;
  }
  switch (parsed.kind) {
    case 'processDefinitionId':
      if (scope.processDefinitionId === null) {
        throw new Error(`reference '${ref}': nothing was deployed`);
      }
      return { id: scope.processDefinitionId };
    case 'processInstanceId':
      if (!view.targetId) {
        throw new Error(`reference '${ref}': the step has no target instance`);
      }
      return { id: view.targetId };
    case 'allInstances':
      return { id: [...view.instances] };
    case 'instance': {
      const id = view.instances[parsed.index];
      if (id === undefined) {
        throw new Error(
          `reference '${ref}': only ${view.instances.length} instance(s) were started`,
        );
      }
      return { id };
    }
    default:
      return lookupTreeRef(ref, parsed, view, scope.processDefinitionId);
  }
}

function lookupTreeRef(
  ref: string,
  parsed: Extract<ParsedRef, { kind: 'activityId' | 'transitionActivityId' }>,
  view: RefView,
  processDefinitionId: string | null,
): Resolved {
  if (!view.tree) {
    throw new Error(`reference '${ref}': no activity instance tree to look in`);
  }
  const { activities, transitions } = walkTree(view.tree);
  const isActivity = parsed.kind === 'activityId';
  const pool = (isActivity ? activities : transitions).filter(
    (n) => n.activityId === parsed.activityId,
  );
  const node = pool[parsed.index];
  if (!node) {
    const what = isActivity ? 'activity' : 'transition';
    const where = parsed.snapshot === null ? '' : `snapshot '${parsed.snapshot}' `;
    throw new Error(
      `reference '${ref}' not found: ${pool.length} ${what} instance(s) of '${parsed.activityId}' ` +
        `in ${where}${renderActualTree(view.tree, processDefinitionId)}`,
    );
  }
  return { id: node.id, node };
}

export function resolveRef(ref: string, scope: RefScope): ResolvedId {
  return lookupRef(ref, scope).id;
}

function isRefValue(value: unknown): value is RefValue {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { ref?: unknown }).ref === 'string'
  );
}

/** All `{ ref }` strings inside a value. */
export function collectRefs(value: unknown, found: string[] = []): string[] {
  if (isRefValue(value)) {
    found.push(value.ref);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      collectRefs(item, found);
    }
  }
  return found;
}

/** A copy of `value` with every `{ ref: r }` replaced by `resolve(r)`. */
export function substituteRefs(value: unknown, resolve: (ref: string) => ResolvedId): unknown {
  if (isRefValue(value)) {
    return resolve(value.ref);
  }
  if (Array.isArray(value)) {
    return value.map((item) => substituteRefs(item, resolve));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteRefs(item, resolve)]),
    );
  }
  return value;
}
