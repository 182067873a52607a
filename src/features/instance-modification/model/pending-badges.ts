import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { flattenTree } from '../../../modification/model/activity-tree';
import type { TreeInstance } from '../../../modification/model/activity-tree';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import {
  getActivity,
  innerActivityId,
  isMultiInstanceBodyId,
} from '../../../modification/model/bpmn-index';
import { applyCancel } from './cancelled-instances';
import type { ModificationPlan } from '../../../modification/model/instruction';
import type { MultiInstanceStarts } from './multi-instance-starts';

export interface PendingBadge {
  added: number;
  removed: number;
  /** Starts of a whole multi-instance whose instances no predicted tree has counted (yet). */
  uncounted?: number;
}

/**
 * The +n/−n per diagram element that the plan's instructions stand for, counted on the tree the
 * plan was built on:
 * - a cancel of an activity counts its tokens that are still there when it runs (earlier cancels
 *   in the plan are taken into account); a cancel of one instance counts 1; a whole
 *   multi-instance counts its inner instances;
 * - a start of a whole multi-instance counts the instances the engine's prediction starts
 *   (`starts`, see `multiInstanceStarts`), and is `uncounted` without one: the number is the
 *   engine's to evaluate (loop cardinality, collection, sequential or not), never a guess;
 * - every other start counts 1 on what the instruction names: the activity for start before; the
 *   sequence flow for start on a flow and for start after (its single outgoing flow, when the
 *   diagram is given), because that is where the new token is put – where it runs on to is the
 *   preview's business.
 *
 * Keys are diagram element ids: `X#multiInstanceBody` counts on `X`.
 */
export function pendingBadges(
  plan: ModificationPlan,
  tree: ActivityInstanceDto,
  index?: BpmnIndex,
  starts: MultiInstanceStarts | null = null,
): Record<string, PendingBadge> {
  const badges: Record<string, PendingBadge> = {};
  const bump = (elementId: string, field: keyof PendingBadge, by = 1) => {
    const badge = (badges[elementId] ??= { added: 0, removed: 0 });
    badge[field] = (badge[field] ?? 0) + by;
  };
  const removed = new Set<string>();
  for (const [position, instruction] of plan.instructions.entries()) {
    switch (instruction.type) {
      case 'cancel':
        for (const target of applyCancel(tree, instruction, removed)) {
          if (target.parentId === null) {
            for (const token of leafTokens(tree)) {
              bump(innerActivityId(token.instance.activityId), 'removed');
            }
          } else {
            bump(innerActivityId(target.instance.activityId), 'removed', tokenCount(target));
          }
        }
        break;
      case 'startBeforeActivity': {
        const elementId = innerActivityId(instruction.activityId);
        if (!isMultiInstanceBodyId(instruction.activityId)) {
          bump(elementId, 'added');
          break;
        }
        const started = starts?.get(position);
        if (started === undefined) {
          bump(elementId, 'uncounted');
        } else if (started > 0) {
          bump(elementId, 'added', started);
        }
        break;
      }
      case 'startAfterActivity': {
        const outgoing =
          index === undefined ? [] : getActivity(index, instruction.activityId)?.outgoing;
        bump(
          outgoing?.length === 1 && outgoing[0] !== undefined
            ? outgoing[0]
            : instruction.activityId,
          'added',
        );
        break;
      }
      case 'startTransition':
        bump(instruction.transitionId, 'added');
        break;
    }
  }
  return badges;
}

/** A multi-instance body stands for its inner instances; anything else for one token. */
function tokenCount(entry: TreeInstance): number {
  if (entry.kind === 'activity' && isMultiInstanceBodyId(entry.instance.activityId)) {
    return Math.max(1, entry.instance.childActivityInstances.length);
  }
  return 1;
}

/** Tokens without inner instances of their own, i.e. what an operator sees on the diagram. */
function leafTokens(tree: ActivityInstanceDto): TreeInstance[] {
  return flattenTree(tree).filter(
    (entry) =>
      entry.parentId !== null &&
      (entry.kind === 'transition' ||
        (entry.instance.childActivityInstances.length === 0 &&
          entry.instance.childTransitionInstances.length === 0)),
  );
}

/** The tokens each instruction adds or removes on its own, in plan order (same counting). */
export function badgesPerInstruction(
  plan: ModificationPlan,
  tree: ActivityInstanceDto,
  index?: BpmnIndex,
  starts: MultiInstanceStarts | null = null,
): Record<string, PendingBadge>[] {
  let before: Record<string, PendingBadge> = {};
  return plan.instructions.map((_, position) => {
    const after = pendingBadges(
      { ...plan, instructions: plan.instructions.slice(0, position + 1) },
      tree,
      index,
      starts,
    );
    const own: Record<string, PendingBadge> = {};
    for (const [elementId, badge] of Object.entries(after)) {
      const previous = before[elementId] ?? { added: 0, removed: 0 };
      const added = badge.added - previous.added;
      const removed = badge.removed - previous.removed;
      const uncounted = (badge.uncounted ?? 0) - (previous.uncounted ?? 0);
      if (uncounted > 0) {
        own[elementId] = { added, removed, uncounted };
      } else if (added > 0 || removed > 0) {
        own[elementId] = { added, removed };
      }
    }
    before = after;
    return own;
  });
}

/**
 * `+1 'Escalate', −2 'Ship order'` for a set of badges, `+?` for starts not counted yet; empty
 * when there are none.
 */
export function describeBadges(
  badges: Record<string, PendingBadge>,
  label: (elementId: string) => string,
): string {
  return Object.entries(badges)
    .flatMap(([elementId, { added, removed, uncounted = 0 }]) => [
      ...(added > 0 ? [`+${added} ${label(elementId)}`] : []),
      ...(uncounted > 0 ? [`+? ${label(elementId)}`] : []),
      ...(removed > 0 ? [`−${removed} ${label(elementId)}`] : []),
    ])
    .join(', ');
}
