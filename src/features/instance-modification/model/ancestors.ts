/**
 * Where the new token of a start instruction goes (Camunda's `AbstractInstantiationCmd`). Camunda walks up from the
 * target's flow scope to the first scope with instances; with exactly one it uses it, with
 * several it refuses ("Ancestor activity execution is ambiguous"). The console asks first: the
 * candidates are the instances of every scope on that chain, and while the nearest one is
 * ambiguous and none is chosen the plan cannot be sent.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import {
  findInstance,
  instancesOfScope,
  shortInstanceId,
} from '../../../modification/model/activity-tree';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import {
  capitalize,
  elementLabel,
  flowScopeOf,
  getActivity,
  getSequenceFlow,
  scopeChain,
} from '../../../modification/model/bpmn-index';
import { removedBefore } from './cancelled-instances';
import type {
  ModificationInstruction,
  StartInstruction,
} from '../../../modification/model/instruction';
import { isStartInstruction } from '../../../modification/model/instruction';

export interface AncestorCandidate {
  instanceId: string;
  scopeId: string;
  /** 0 for the target's flow scope, growing towards the process instance. */
  depth: number;
  isProcessInstance: boolean;
}

export interface AncestorOptions {
  /** The scope that directly contains the target (a multi-instance body for an inner activity). */
  flowScopeId: string;
  /** The nearest scope on the chain that has instances: where Camunda looks by itself. */
  nearestScopeId: string;
  nearestInstanceIds: string[];
  /** Every instance that may be given as ancestor, nearest scopes first. */
  candidates: AncestorCandidate[];
  /** True when Camunda cannot choose by itself: the nearest scope has several instances. */
  required: boolean;
}

/** The flow scope of what a start instruction targets (`AbstractInstantiationCmd`). */
export function targetFlowScope(index: BpmnIndex, instruction: StartInstruction): string {
  switch (instruction.type) {
    case 'startBeforeActivity':
      return flowScopeOf(index, instruction.activityId);
    case 'startAfterActivity':
      // The outgoing flow's target sits in the activity's container, even for a multi-instance.
      return getActivity(index, instruction.activityId)?.containerId ?? index.processId;
    case 'startTransition':
      return getSequenceFlow(index, instruction.transitionId)?.containerId ?? index.processId;
  }
}

/**
 * The ancestor choice for the start instruction at `position`, on the tree as the earlier
 * instructions leave it (their cancels applied). Null for a cancel.
 */
export function ancestorOptions(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  instructions: readonly ModificationInstruction[],
  position: number,
): AncestorOptions | null {
  const instruction = instructions[position];
  if (instruction === undefined || !isStartInstruction(instruction)) {
    return null;
  }
  const removed = removedBefore(tree, instructions, position);
  const flowScopeId = targetFlowScope(index, instruction);
  const candidates: AncestorCandidate[] = [];
  let nearest: { scopeId: string; instanceIds: string[] } | null = null;
  for (const [depth, scopeId] of scopeChain(index, flowScopeId).entries()) {
    const instances = instancesOfScope(tree, scopeId, index.processId, removed);
    if (nearest === null && instances.length > 0) {
      nearest = { scopeId, instanceIds: instances.map((instance) => instance.id) };
    }
    for (const instance of instances) {
      candidates.push({
        instanceId: instance.id,
        scopeId,
        depth,
        isProcessInstance: instance.id === tree.id,
      });
    }
  }
  const found = nearest ?? { scopeId: index.processId, instanceIds: [tree.id] };
  return {
    flowScopeId,
    nearestScopeId: found.scopeId,
    nearestInstanceIds: found.instanceIds,
    candidates,
    required: found.instanceIds.length > 1,
  };
}

/**
 * Why the start instruction at `position` cannot be sent as it is, in plain words; null when its
 * ancestor is fine (or it is not a start instruction).
 */
export function ancestorProblem(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  instructions: readonly ModificationInstruction[],
  position: number,
): string | null {
  const instruction = instructions[position];
  const options = ancestorOptions(index, tree, instructions, position);
  if (instruction === undefined || !isStartInstruction(instruction) || options === null) {
    return null;
  }
  const chosen = instruction.ancestorActivityInstanceId;
  if (chosen === undefined) {
    return options.required
      ? `${capitalize(elementLabel(index, options.nearestScopeId))} has ${options.nearestInstanceIds.length} running instances: choose which one the new token goes into.`
      : null;
  }
  if (options.candidates.some((candidate) => candidate.instanceId === chosen)) {
    return null;
  }
  const entry = findInstance(tree, chosen);
  if (entry === undefined) {
    return `The chosen instance ${shortInstanceId(chosen)} is no longer running: choose another.`;
  }
  if (removedBefore(tree, instructions, position).has(chosen)) {
    return `An earlier instruction cancels the chosen instance ${shortInstanceId(chosen)}: choose another, or reorder.`;
  }
  return `The chosen instance ${shortInstanceId(chosen)} does not contain the target: choose another.`;
}

/** Every instruction's ancestor problem, by position; empty when the plan can be sent. */
export function planAncestorProblems(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  instructions: readonly ModificationInstruction[],
): Map<number, string> {
  const problems = new Map<number, string>();
  instructions.forEach((_, position) => {
    const problem = ancestorProblem(index, tree, instructions, position);
    if (problem !== null) {
      problems.set(position, problem);
    }
  });
  return problems;
}
