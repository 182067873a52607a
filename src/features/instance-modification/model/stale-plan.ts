/**
 * Is the plan still about the instance as it is now? A plan refers to instance ids and counts
 * tokens of the tree it was built on; if a task was completed or a job ran since, the same
 * instructions would do something else. Compared just before sending.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { flattenTree, shortInstanceId } from '../../../modification/model/activity-tree';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel } from '../../../modification/model/bpmn-index';
import type { ModificationPlan } from '../../../modification/model/instruction';
import { isStartInstruction } from '../../../modification/model/instruction';

export interface TokenCountChange {
  activityId: string;
  label: string;
  before: number;
  after: number;
}

export interface MissingReference {
  /** 0-based position of the instruction. */
  position: number;
  id: string;
  message: string;
}

export interface StalePlanReport {
  missing: MissingReference[];
  changes: TokenCountChange[];
}

/** Tokens per activity id: activity instances below the root and transition instances. */
export function tokenCounts(tree: ActivityInstanceDto): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of flattenTree(tree)) {
    if (entry.parentId !== null) {
      counts.set(entry.instance.activityId, (counts.get(entry.instance.activityId) ?? 0) + 1);
    }
  }
  return counts;
}

/** Activities whose number of tokens differs, in the order of the base tree, then new ones. */
export function compareTokenCounts(
  base: ActivityInstanceDto,
  current: ActivityInstanceDto,
  index: BpmnIndex,
): TokenCountChange[] {
  const before = tokenCounts(base);
  const after = tokenCounts(current);
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids
    .filter((id) => (before.get(id) ?? 0) !== (after.get(id) ?? 0))
    .map((activityId) => ({
      activityId,
      label: elementLabel(index, activityId),
      before: before.get(activityId) ?? 0,
      after: after.get(activityId) ?? 0,
    }));
}

/**
 * What no longer holds: instance ids the plan names that are gone (or are no longer the kind of
 * instance the instruction needs), and changed token counts. Null when the plan is current.
 */
export function findStalePlan(
  plan: ModificationPlan,
  base: ActivityInstanceDto,
  current: ActivityInstanceDto,
  index: BpmnIndex,
): StalePlanReport | null {
  const entries = new Map(flattenTree(current).map((entry) => [entry.instance.id, entry]));
  const missing: MissingReference[] = [];
  plan.instructions.forEach((instruction, position) => {
    const number = position + 1;
    if (instruction.type === 'cancel') {
      if (
        instruction.activityInstanceId !== undefined &&
        entries.get(instruction.activityInstanceId)?.kind !== 'activity'
      ) {
        missing.push({
          position,
          id: instruction.activityInstanceId,
          message: `Instruction ${number}: the token ${shortInstanceId(instruction.activityInstanceId)} it cancels is gone.`,
        });
      }
      if (
        instruction.transitionInstanceId !== undefined &&
        entries.get(instruction.transitionInstanceId)?.kind !== 'transition'
      ) {
        missing.push({
          position,
          id: instruction.transitionInstanceId,
          message: `Instruction ${number}: the waiting async continuation ${shortInstanceId(instruction.transitionInstanceId)} it cancels is gone (its job has run).`,
        });
      }
    } else if (
      isStartInstruction(instruction) &&
      instruction.ancestorActivityInstanceId !== undefined &&
      entries.get(instruction.ancestorActivityInstanceId)?.kind !== 'activity'
    ) {
      missing.push({
        position,
        id: instruction.ancestorActivityInstanceId,
        message: `Instruction ${number}: the instance ${shortInstanceId(instruction.ancestorActivityInstanceId)} it starts in is gone.`,
      });
    }
  });
  const changes = compareTokenCounts(base, current, index);
  return missing.length === 0 && changes.length === 0 ? null : { missing, changes };
}

/** `'Pick item': 2 tokens → 1` */
export function describeTokenCountChange(change: TokenCountChange): string {
  const tokens = (count: number) => `${count} token${count === 1 ? '' : 's'}`;
  return `${change.label}: ${tokens(change.before)} when the plan was made, ${tokens(change.after)} now`;
}

/** What "Plan against the current state" does to a plan, and what it tells the operator. */
export interface Rebase {
  /** Positions of the instructions to remove, highest first, so removing one keeps the others'. */
  remove: number[];
  /** Why each of them goes: the instance it refers to is gone. */
  removed: MissingReference[];
}

/**
 * Takes the plan to the current tree: instructions whose activity, transition or ancestor
 * instance is gone cannot be sent as they are (Camunda refuses an unknown instance id), so they
 * are removed and named; the others keep their meaning, and the preview shows what they do now.
 */
export function rebasePlan(report: StalePlanReport | null): Rebase {
  const removed = report?.missing ?? [];
  const remove = [...new Set(removed.map((missing) => missing.position))].sort((a, b) => b - a);
  return { remove, removed };
}
