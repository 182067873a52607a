/**
 * What the cancel instructions of a plan remove from the tree it was built on, instruction by
 * instruction (Camunda's `ModifyProcessInstanceCmd`: each instruction sees the state the previous ones left). Only
 * removals are simulated: new tokens get ids nobody can refer to before the request runs. The
 * exact outcome comes from the engine's preview.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { cancelledBy, findInstance, tokensAt } from '../../../modification/model/activity-tree';
import type { TreeInstance } from '../../../modification/model/activity-tree';
import type {
  CancelInstruction,
  ModificationInstruction,
} from '../../../modification/model/instruction';

/**
 * Applies one cancel to `removed` (in place) and returns the instances it targets directly that
 * were still there: all tokens of the activity, or the one instance.
 */
export function applyCancel(
  tree: ActivityInstanceDto,
  instruction: CancelInstruction,
  removed: Set<string>,
): TreeInstance[] {
  const targets: TreeInstance[] = [];
  if (instruction.activityId !== undefined) {
    targets.push(...tokensAt(tree, instruction.activityId, removed));
  } else {
    const id = instruction.activityInstanceId ?? instruction.transitionInstanceId;
    const entry = findInstance(tree, id);
    const kind = instruction.activityInstanceId === undefined ? 'transition' : 'activity';
    if (entry !== undefined && entry.kind === kind && !removed.has(id)) {
      targets.push(entry);
    }
  }
  for (const target of targets) {
    for (const id of cancelledBy(tree, target.instance.id, removed)) {
      removed.add(id);
    }
  }
  return targets;
}

/** The instances that the instructions before `position` cancel. */
export function removedBefore(
  tree: ActivityInstanceDto,
  instructions: readonly ModificationInstruction[],
  position: number,
): Set<string> {
  const removed = new Set<string>();
  for (const instruction of instructions.slice(0, position)) {
    if (instruction.type === 'cancel') {
      applyCancel(tree, instruction, removed);
    }
  }
  return removed;
}
