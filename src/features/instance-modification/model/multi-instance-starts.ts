import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { flattenTree, tokensAt } from '../../../modification/model/activity-tree';
import type { TreeInstance } from '../../../modification/model/activity-tree';
import {
  MI_BODY_SUFFIX,
  innerActivityId,
  isMultiInstanceBodyId,
} from '../../../modification/model/bpmn-index';
import { applyCancel } from './cancelled-instances';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import type { PlanPreview } from '../../../modification/model/preview';

/**
 * Instances started per start of a whole multi-instance (`startBeforeActivity` on
 * `X#multiInstanceBody`), by the instruction's position in the plan.
 */
export type MultiInstanceStarts = ReadonlyMap<number, number>;

/**
 * How many instances each start of a whole multi-instance starts, read from the engine's
 * prediction of the request (the tree the review dialog shows), so that badges and totals say
 * what the predicted tree says: the new body's inner instances, activity instances and waiting
 * continuations alike – as many as the engine evaluated the loop cardinality or collection to,
 * or one for a sequential multi-instance, which runs them in turn – or 1 for a body that itself
 * waits in an async continuation.
 *
 * The engine applies the instructions in order and the tree lists siblings in the order they were
 * created, so the new bodies of X, in tree order, belong to the instructions that create one, in
 * plan order: each start of the whole multi-instance, and a start of a single inner instance
 * when no body of X is left to add it to (Camunda's `MultiInstanceActivityBehavior`, see
 * https://docs.camunda.org/manual/latest/user-guide/process-engine/process-instance-modification/). A start whose body the predicted tree
 * no longer shows (it completed at once) gets no count.
 *
 * Null while there is no predicted tree: the preview is pending or failed, Camunda would refuse
 * the request, or the instance would end.
 *
 * @param tree The tree the preview ran on: what is not in it is new.
 */
export function multiInstanceStarts(
  instructions: readonly ModificationInstruction[],
  tree: ActivityInstanceDto,
  preview: PlanPreview | undefined,
): MultiInstanceStarts | null {
  if (preview === undefined || !preview.ok || preview.ended) {
    return null;
  }
  const existing = new Set(flattenTree(tree).map((entry) => entry.instance.id));
  const newBodies = new Map<string, TreeInstance[]>();
  for (const entry of flattenTree(preview.tree)) {
    const { activityId, id } = entry.instance;
    if (isMultiInstanceBodyId(activityId) && !existing.has(id)) {
      newBodies.set(activityId, [...(newBodies.get(activityId) ?? []), entry]);
    }
  }

  const starts = new Map<number, number>();
  const removed = new Set<string>();
  const created = new Set<string>();
  instructions.forEach((instruction, position) => {
    if (instruction.type === 'cancel') {
      applyCancel(tree, instruction, removed);
      return;
    }
    if (instruction.type !== 'startBeforeActivity') {
      return;
    }
    const { activityId } = instruction;
    const bodyId = isMultiInstanceBodyId(activityId) ? activityId : activityId + MI_BODY_SUFFIX;
    const queue = newBodies.get(bodyId);
    if (queue === undefined) {
      return;
    }
    if (bodyId === activityId) {
      const body = queue.shift();
      if (body !== undefined) {
        starts.set(position, startedInstances(body));
      }
      created.add(bodyId);
    } else if (!created.has(bodyId) && tokensAt(tree, bodyId, removed).length === 0) {
      queue.shift();
      created.add(bodyId);
    }
  });
  return starts;
}

function startedInstances(body: TreeInstance): number {
  if (body.kind === 'transition') {
    return 1;
  }
  const inner = innerActivityId(body.instance.activityId);
  const { childActivityInstances, childTransitionInstances } = body.instance;
  return [...childActivityInstances, ...childTransitionInstances].filter(
    (child) => child.activityId === inner,
  ).length;
}
