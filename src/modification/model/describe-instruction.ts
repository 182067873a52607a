import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import { findInstance, shortInstanceId, tokensAt } from './activity-tree';
import type { BpmnIndex } from './bpmn-index';
import {
  elementLabel,
  getActivity,
  getSequenceFlow,
  innerActivityId,
  isMultiInstanceBodyId,
} from './bpmn-index';
import type { ModificationInstruction } from './instruction';
import { describeVariable } from './plan-variables';

/** What a sentence may name: the diagram, the tree the plan was built on, start times. */
export interface DescribeContext {
  index: BpmnIndex;
  tree: ActivityInstanceDto;
  /** Start time per activity instance id, already formatted for people. */
  startTimes?: ReadonlyMap<string, string>;
}

/** One instruction as a plain-language sentence (no trailing period). */
export function describeInstruction(
  instruction: ModificationInstruction,
  context: DescribeContext,
): string {
  const { index, tree } = context;
  switch (instruction.type) {
    case 'cancel': {
      if (instruction.activityId !== undefined) {
        return describeCancelAll(instruction.activityId, context);
      }
      if (instruction.transitionInstanceId !== undefined) {
        const entry = findInstance(tree, instruction.transitionInstanceId);
        if (entry?.kind !== 'transition') {
          return `Cancel the waiting async continuation ${instruction.transitionInstanceId} (no longer in the instance)`;
        }
        return (
          `Cancel the waiting async continuation at ${elementLabel(index, entry.instance.activityId)}` +
          ` (${shortInstanceId(entry.instance.id)}; its job is deleted)`
        );
      }
      const id = instruction.activityInstanceId;
      if (id === tree.id) {
        return 'Cancel the whole process instance';
      }
      const entry = findInstance(tree, id);
      if (entry?.kind !== 'activity') {
        return `Cancel activity instance ${id} (no longer in the instance)`;
      }
      const activityId = entry.instance.activityId;
      const what = isScopeInstance(index, activityId)
        ? `the instance of ${elementLabel(index, activityId)} with everything inside it`
        : `one token at ${elementLabel(index, activityId)}`;
      return `Cancel ${what} (${instanceDetails(id, context)})`;
    }
    case 'startBeforeActivity':
      return (
        `Start a new token before ${elementLabel(index, instruction.activityId)}` +
        ancestorPhrase(instruction.ancestorActivityInstanceId, context) +
        variablesPhrase(instruction)
      );
    case 'startAfterActivity': {
      const outgoing = getActivity(index, instruction.activityId)?.outgoing ?? [];
      const flow = outgoing.length === 1 ? getSequenceFlow(index, outgoing[0] ?? '') : undefined;
      const where =
        flow === undefined
          ? ''
          : ` (on its outgoing flow to ${elementLabel(index, flow.targetRef)})`;
      return (
        `Start a new token after ${elementLabel(index, instruction.activityId)}${where}` +
        ancestorPhrase(instruction.ancestorActivityInstanceId, context) +
        variablesPhrase(instruction)
      );
    }
    case 'startTransition':
      return (
        `Start a new token on ${flowLabel(index, instruction.transitionId)}` +
        ancestorPhrase(instruction.ancestorActivityInstanceId, context) +
        variablesPhrase(instruction)
      );
  }
}

/** `the sequence flow 'to warehouse' from 'A' to 'B'` */
export function flowLabel(index: BpmnIndex, flowId: string): string {
  const flow = getSequenceFlow(index, flowId);
  if (flow === undefined) {
    return `the sequence flow '${flowId}'`;
  }
  return (
    `the sequence flow '${flow.name ?? flow.id}' from ${elementLabel(index, flow.sourceRef)}` +
    ` to ${elementLabel(index, flow.targetRef)}`
  );
}

function describeCancelAll(activityId: string, context: DescribeContext): string {
  const { index, tree } = context;
  const label = elementLabel(index, activityId);
  const count = tokensAt(tree, activityId).length;
  if (isScopeInstance(index, activityId)) {
    if (count === 0) {
      return `Cancel every instance of ${label} (none right now)`;
    }
    return count === 1
      ? `Cancel the instance of ${label} with everything inside it`
      : `Cancel all ${count} instances of ${label} with everything inside them`;
  }
  if (count === 0) {
    return `Cancel all tokens at ${label} (none right now)`;
  }
  return count === 1 ? `Cancel the token at ${label}` : `Cancel all ${count} tokens at ${label}`;
}

function ancestorPhrase(ancestorId: string | undefined, context: DescribeContext): string {
  if (ancestorId === undefined) {
    return '';
  }
  const { index, tree } = context;
  if (ancestorId === tree.id) {
    return ' directly in the process instance';
  }
  const entry = findInstance(tree, ancestorId);
  if (entry === undefined) {
    return ` inside instance ${ancestorId} (no longer in the instance)`;
  }
  return ` inside ${elementLabel(index, entry.instance.activityId)} instance ${instanceDetails(ancestorId, context)}`;
}

function instanceDetails(id: string, context: DescribeContext): string {
  const startTime = context.startTimes?.get(id);
  return startTime === undefined
    ? shortInstanceId(id)
    : `${shortInstanceId(id)}, started ${startTime}`;
}

function variablesPhrase(instruction: ModificationInstruction): string {
  if (instruction.type === 'cancel' || (instruction.variables?.length ?? 0) === 0) {
    return '';
  }
  return `, setting ${(instruction.variables ?? []).map(describeVariable).join(', ')}`;
}

/** Instances of subprocesses and multi-instance bodies contain other tokens. */
function isScopeInstance(index: BpmnIndex, activityId: string): boolean {
  return (
    isMultiInstanceBodyId(activityId) ||
    getActivity(index, innerActivityId(activityId))?.isContainer === true
  );
}
