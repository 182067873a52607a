/**
 * Process instance modification with Camunda 7's semantics (`ModifyProcessInstanceCmd` and the
 * instruction commands, `AbstractInstantiationCmd` and `AbstractInstanceCancellationCmd`; tested by
 * `ProcessInstanceModificationTest` and its siblings): instructions run in
 * order on the state the previous ones left, the instance is kept alive while empty, and only the
 * final state decides between completion and cancellation.
 */
import type { ModificationInstruction } from './modification-instruction';
import { NotValidException, ProcessEngineException } from '../errors';
import type { Activity, ProcessModel } from '../model/process-model';
import type { Runtime } from '../runtime/runtime';
import { MI_BODY_SUFFIX, innerActivityId, isBodyId } from '../runtime/runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../runtime/state';
import type { Turns } from '../runtime/turns';
import { NO_VALUE_INFO, type TypedValue } from '../variables';

export const MODIFICATION_DELETE_REASON = 'Cancellation due to process instance modifcation';

export interface ModifyOptions {
  /**
   * Only `/modification/execute(Async)`: cancel instructions hit the instances that existed before
   * the first instruction ran (`ModificationBuilder.cancelAllForActivity`'s
   * `cancelCurrentActiveActivityInstances`).
   */
  honourCancelCurrentActive?: boolean;
  /**
   * The user's check before an instance the instructions left empty is cancelled:
   * `ModifyProcessInstanceCmd` calls `checkDeleteProcessInstance` then, besides the
   * `checkUpdateProcessInstance` it made at the start.
   */
  authorizeCancellation?: (instance: ProcessInstanceState) => void;
}

/** Applies the instructions to one instance inside the runtime's command; throws on the first failure. */
export function modifyProcessInstance(
  rt: Runtime,
  pi: ProcessInstanceState,
  instructions: ModificationInstruction[],
  options: ModifyOptions = {},
): void {
  const snapshot = beginModification(rt, pi, options);
  for (const instruction of instructions) {
    applyInstruction(rt, pi, instruction, snapshot);
  }
  endModification(rt, pi, options);
}

/**
 * `modifyProcessInstance`, letting other work run whenever `turns` says this command has had its
 * turn. The command's changes stay in its own copy until it commits, so nothing half-modified is
 * ever seen in between.
 */
export async function modifyProcessInstanceInTurns(
  rt: Runtime,
  pi: ProcessInstanceState,
  instructions: ModificationInstruction[],
  turns: Turns,
  options: ModifyOptions = {},
): Promise<void> {
  const snapshot = beginModification(rt, pi, options);
  for (const instruction of instructions) {
    applyInstruction(rt, pi, instruction, snapshot);
    if (turns.due()) {
      await turns.take();
    }
  }
  endModification(rt, pi, options);
}

function beginModification(
  rt: Runtime,
  pi: ProcessInstanceState,
  options: ModifyOptions,
): TokenSnapshot | undefined {
  rt.ctx.preserved.add(pi.id);
  rt.ctx.rootEmptied.delete(pi.id);
  return options.honourCancelCurrentActive ? snapshotTokens(pi) : undefined;
}

function endModification(rt: Runtime, pi: ProcessInstanceState, options: ModifyOptions): void {
  rt.ctx.preserved.delete(pi.id);
  if (rt.ctx.isEnded(pi.id) || rt.hasTokens(pi, pi.id)) {
    return;
  }
  const reason = rt.ctx.rootEmptied.get(pi.id) ?? 'cancelled';
  if (reason === 'cancelled') {
    options.authorizeCancellation?.(pi);
  }
  rt.ctx.rootEmptied.delete(pi.id);
  rt.endProcessInstance(pi, reason, reason === 'cancelled' ? MODIFICATION_DELETE_REASON : null);
}

interface TokenSnapshot {
  byActivity: Map<string, string[]>;
}

function snapshotTokens(pi: ProcessInstanceState): TokenSnapshot {
  const byActivity = new Map<string, string[]>();
  const add = (activityId: string, id: string): void => {
    const ids = byActivity.get(activityId);
    if (ids) {
      ids.push(id);
    } else {
      byActivity.set(activityId, [id]);
    }
  };
  for (const ai of Object.values(pi.activityInstances)) {
    if (ai.parentId !== null) {
      add(ai.activityId, ai.id);
    }
  }
  for (const ti of Object.values(pi.transitionInstances)) {
    add(ti.activityId, ti.id);
  }
  return { byActivity };
}

function describe(instruction: ModificationInstruction): string {
  const withAncestor = (text: string, ancestor: string | null | undefined): string =>
    ancestor ? `${text} with ancestor activity instance '${ancestor}'` : text;
  switch (instruction.type) {
    case 'startBeforeActivity':
      return withAncestor(
        `Start before activity '${instruction.activityId}'`,
        instruction.ancestorActivityInstanceId,
      );
    case 'startAfterActivity':
      return withAncestor(
        `Start after activity '${instruction.activityId}'`,
        instruction.ancestorActivityInstanceId,
      );
    case 'startTransition':
      return withAncestor(
        `Start transition '${instruction.transitionId}'`,
        instruction.ancestorActivityInstanceId,
      );
    case 'cancel':
      if (instruction.activityInstanceId) {
        return `Cancel activity instance '${instruction.activityInstanceId}'`;
      }
      if (instruction.transitionInstanceId) {
        return `Cancel transition instance '${instruction.transitionInstanceId}'`;
      }
      return `Cancel all of activity '${instruction.activityId ?? ''}'`;
  }
}

function invalid(instruction: ModificationInstruction, reason: string): NotValidException {
  return new NotValidException(`Cannot perform instruction: ${describe(instruction)}; ${reason}`);
}

function applyInstruction(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: ModificationInstruction,
  snapshot: TokenSnapshot | undefined,
): void {
  switch (instruction.type) {
    case 'cancel':
      cancel(rt, pi, instruction, snapshot);
      return;
    case 'startBeforeActivity':
      startBefore(rt, pi, instruction);
      return;
    case 'startAfterActivity':
    case 'startTransition':
      startOnFlow(rt, pi, instruction);
      return;
  }
}

// ------------------------------------------------------------------ cancellation

function cancel(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: Extract<ModificationInstruction, { type: 'cancel' }>,
  snapshot: TokenSnapshot | undefined,
): void {
  if (instruction.activityInstanceId) {
    const ai = pi.activityInstances[instruction.activityInstanceId];
    if (!ai) {
      throw invalid(
        instruction,
        `Activity instance '${instruction.activityInstanceId}' does not exist: activityInstance is null`,
      );
    }
    rt.cancelWithPropagation(pi, ai.id);
    return;
  }
  if (instruction.transitionInstanceId) {
    const ti = pi.transitionInstances[instruction.transitionInstanceId];
    if (!ti) {
      throw invalid(
        instruction,
        `Transition instance '${instruction.transitionInstanceId}' does not exist: transitionInstance is null`,
      );
    }
    rt.cancelWithPropagation(pi, ti.id);
    return;
  }
  const activityId = instruction.activityId ?? '';
  const targets =
    snapshot && instruction.cancelCurrentActiveActivityInstances
      ? (snapshot.byActivity.get(activityId) ?? [])
      : currentTokens(rt, pi, activityId);
  for (const id of targets) {
    if (pi.activityInstances[id] || pi.transitionInstances[id]) {
      rt.cancelWithPropagation(pi, id);
    }
  }
}

function currentTokens(rt: Runtime, pi: ProcessInstanceState, activityId: string): string[] {
  const ids = rt.tree
    .activityInstancesOf(pi, activityId)
    .filter((ai) => ai.parentId !== null)
    .sort((a, b) => a.seq - b.seq)
    .map((ai) => ai.id);
  for (const ti of rt.tree.transitionInstancesOf(pi, activityId)) {
    ids.push(ti.id);
  }
  return ids;
}

// ------------------------------------------------------------------ instantiation

/** The scope key that directly contains the target: `AbstractInstantiationCmd`'s target flow scope. */
function flowScopeOf(model: ProcessModel, elementId: string): string {
  if (isBodyId(elementId)) {
    return parentScopeKey(model, innerActivityId(elementId));
  }
  const activity = model.activities[elementId];
  if (activity?.multiInstance) {
    return `${elementId}${MI_BODY_SUFFIX}`;
  }
  return parentScopeKey(model, elementId);
}

/** The scope key of an activity's parent container (the MI body when the container is multi-instance). */
function parentScopeKey(model: ProcessModel, activityId: string): string {
  const activity = model.activities[activityId];
  if (!activity) {
    return model.key;
  }
  const parent = model.activities[activity.parentId];
  if (parent?.multiInstance) {
    return parent.id;
  }
  return activity.parentId;
}

/** From the innermost scope key outwards to the process. */
function scopeChain(model: ProcessModel, scopeKey: string): string[] {
  const chain: string[] = [];
  let current = scopeKey;
  for (;;) {
    chain.push(current);
    if (current === model.key) {
      return chain;
    }
    if (isBodyId(current)) {
      current = parentScopeKey(model, innerActivityId(current));
      continue;
    }
    const container = model.activities[current];
    if (!container) {
      return [...chain, model.key];
    }
    current = container.multiInstance
      ? `${container.id}${MI_BODY_SUFFIX}`
      : parentScopeKey(model, container.id);
  }
}

interface Placement {
  /** The scope instance the target goes into. */
  scope: ActivityInstanceRec;
  /** Whether that scope instance was created by this instruction. */
  created: boolean;
}

function scopeInstancesOf(
  rt: Runtime,
  pi: ProcessInstanceState,
  scopeKey: string,
): ActivityInstanceRec[] {
  if (scopeKey === rt.model(pi).key) {
    return [rt.root(pi)];
  }
  return rt.activityInstancesOf(pi, scopeKey).filter((ai) => ai.parentId !== null);
}

/**
 * Finds or creates the scope instance for a start instruction: the ancestor walk, the exact
 * errors for unknown, unrelated and ambiguous ancestors, and the creation of missing scopes.
 */
function place(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: Exclude<ModificationInstruction, { type: 'cancel' }>,
  flowScope: string,
  targetElementId: string,
): Placement {
  const model = rt.model(pi);
  const chain = scopeChain(model, flowScope);
  let foundIndex = chain.length - 1;
  let found = rt.root(pi);
  const ancestorId = instruction.ancestorActivityInstanceId;
  if (ancestorId) {
    const ancestor = pi.activityInstances[ancestorId];
    if (!ancestor) {
      throw invalid(
        instruction,
        `Ancestor activity instance '${ancestorId}' does not exist: ancestorInstance is null`,
      );
    }
    foundIndex = chain.indexOf(rt.scopeKey(pi, ancestor));
    if (foundIndex < 0) {
      throw invalid(
        instruction,
        `Scope execution for '${ancestorId}' cannot be found in parent hierarchy of flow element '${targetElementId}'`,
      );
    }
    found = ancestor;
  } else {
    for (let index = 0; index < chain.length; index++) {
      const instances = scopeInstancesOf(rt, pi, chain[index] ?? '');
      if (instances.length > 1) {
        throw new ProcessEngineException(
          `Ancestor activity execution is ambiguous for activity Activity(${flowScope})`,
        );
      }
      const only = instances[0];
      if (only) {
        foundIndex = index;
        found = only;
        break;
      }
    }
  }
  let scope = found;
  let parentCreated = false;
  for (let index = foundIndex - 1; index >= 0; index--) {
    scope = createMissingScope(rt, pi, scope, chain[index] ?? '', parentCreated);
    parentCreated = true;
  }
  return { scope, created: foundIndex > 0 };
}

const integer = (value: number): TypedValue => ({
  type: 'Integer',
  value,
  valueInfo: NO_VALUE_INFO,
});

/**
 * Missing bodies start with exactly one inner instance and no cardinality
 * (`ProcessInstanceModificationMultiInstanceTest`).
 */
function createMissingScope(
  rt: Runtime,
  pi: ProcessInstanceState,
  parent: ActivityInstanceRec,
  key: string,
  parentCreated: boolean,
): ActivityInstanceRec {
  if (isBodyId(key)) {
    const body = rt.enterScopeOnly(pi, parent.id, key);
    rt.setVariableLocal(pi, body.id, 'nrOfInstances', integer(1));
    rt.setVariableLocal(pi, body.id, 'nrOfCompletedInstances', integer(0));
    rt.setVariableLocal(pi, body.id, 'nrOfActiveInstances', integer(1));
    return body;
  }
  const loopCounter = isBodyId(parent.activityId) ? addToBody(rt, pi, parent, parentCreated) : null;
  const scope = rt.createActivityInstance(pi, parent.id, key);
  if (loopCounter !== null) {
    rt.setVariableLocal(pi, scope.id, 'loopCounter', integer(loopCounter));
  }
  rt.enterScope(pi, scope, rt.activity(pi, key));
  return scope;
}

/**
 * Adds an inner instance to a body and returns its loopCounter: 0 in a body just created, else
 * the body's previous nrOfInstances, which is incremented; sequential bodies refuse
 * (`AbstractInstantiationCmd`: "Concurrent instantiation not possible").
 */
function addToBody(
  rt: Runtime,
  pi: ProcessInstanceState,
  body: ActivityInstanceRec,
  bodyCreated: boolean,
): number {
  if (bodyCreated) {
    return 0;
  }
  if (rt.activity(pi, body.activityId).multiInstance?.sequential) {
    throw new ProcessEngineException(
      `Concurrent instantiation not possible for activities in scope ${body.activityId}`,
    );
  }
  const count = body.variables?.['nrOfInstances']?.value.value;
  const previous = typeof count === 'number' ? count : 0;
  const active = body.variables?.['nrOfActiveInstances']?.value.value;
  rt.setVariableLocal(pi, body.id, 'nrOfInstances', integer(previous + 1));
  rt.setVariableLocal(
    pi,
    body.id,
    'nrOfActiveInstances',
    integer((typeof active === 'number' ? active : 0) + 1),
  );
  return previous;
}

function startBefore(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: Extract<ModificationInstruction, { type: 'startBeforeActivity' }>,
): void {
  const model = rt.model(pi);
  const elementId = instruction.activityId;
  const activity = model.activities[innerActivityId(elementId)];
  if (!activity || (isBodyId(elementId) && !activity.multiInstance)) {
    throw invalid(
      instruction,
      `Element '${elementId}' does not exist in process '${pi.processDefinitionId}'`,
    );
  }
  if (activity.eventDefinition.kind === 'compensate' && activity.kind === 'boundaryEvent') {
    throw new ProcessEngineException(
      `Cannot start before activity ${elementId}; activity is a compensation boundary event.`,
    );
  }
  const innerTarget = activity.multiInstance && !isBodyId(elementId) ? activity : undefined;
  if (innerTarget) {
    startInner(rt, pi, instruction, innerTarget);
    return;
  }
  const { scope } = place(rt, pi, instruction, flowScopeOf(model, elementId), elementId);
  const { local, global } = splitVariables(instruction.variables);
  applyGlobal(rt, pi, scope.id, global);

  if (activity.kind === 'boundaryEvent') {
    startBoundaryEvent(rt, pi, scope, activity, local);
    return;
  }
  if (activity.triggeredByEvent || isEventSubProcessStart(model, activity)) {
    startInEventSubProcess(rt, pi, scope, activity, local);
    return;
  }
  rt.enter(pi, scope.id, elementId, local);
}

function isEventSubProcessStart(model: ProcessModel, activity: Activity): boolean {
  return (
    activity.kind === 'startEvent' && model.activities[activity.parentId]?.triggeredByEvent === true
  );
}

/**
 * Interrupting event subprocesses interrupt their containing scope when their start event or the
 * event subprocess itself is started (`ProcessInstanceModificationEventSubProcessTest`); other
 * activities inside do not.
 */
function startInEventSubProcess(
  rt: Runtime,
  pi: ProcessInstanceState,
  scope: ActivityInstanceRec,
  activity: Activity,
  local: Record<string, TypedValue>,
): void {
  const model = rt.model(pi);
  const start = activity.triggeredByEvent ? rt.startEventOf(model, activity.id) : activity;
  if (activity.triggeredByEvent) {
    if (start?.interrupting) {
      rt.interruptScope(pi, scope);
    }
    rt.enter(pi, scope.id, activity.id, local);
    return;
  }
  // The start event itself: its event subprocess was created as a missing scope, or exists.
  if (start?.interrupting) {
    const container = scope.parentId === null ? scope : pi.activityInstances[scope.parentId];
    if (container) {
      for (const child of rt.childInstances(pi, container.id)) {
        if (child.id !== scope.id && pi.activityInstances[child.id]) {
          rt.cancelActivityInstance(pi, child);
        }
      }
      for (const ti of rt.childTransitions(pi, container.id)) {
        rt.removeTransitionInstance(pi, ti);
      }
    }
  }
  rt.enter(pi, scope.id, activity.id, local);
}

/** Interrupting boundary events cancel the single instance of the activity they are attached to. */
function startBoundaryEvent(
  rt: Runtime,
  pi: ProcessInstanceState,
  scope: ActivityInstanceRec,
  boundary: Activity,
  local: Record<string, TypedValue>,
): void {
  let parentId = scope.id;
  if (boundary.interrupting && boundary.attachedToRef) {
    const attached = rt.model(pi).activities[boundary.attachedToRef];
    const attachedKey = attached?.multiInstance
      ? `${boundary.attachedToRef}${MI_BODY_SUFFIX}`
      : boundary.attachedToRef;
    const instances = rt.activityInstancesOf(pi, attachedKey);
    if (instances.length > 1) {
      throw new ProcessEngineException(
        `Executions for activity Activity(${attachedKey}) ambiguous`,
      );
    }
    const only = instances[0];
    if (only) {
      parentId = only.parentId ?? pi.id;
      rt.cancelActivityInstance(pi, only);
    }
  }
  rt.execute(pi, parentId, boundary.id, local);
}

/** Starting the inner activity of a multi-instance body (`ProcessInstanceModificationMultiInstanceTest`). */
function startInner(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: Extract<ModificationInstruction, { type: 'startBeforeActivity' }>,
  activity: Activity,
): void {
  const bodyKey = `${activity.id}${MI_BODY_SUFFIX}`;
  const { scope: body, created } = place(rt, pi, instruction, bodyKey, activity.id);
  const loopCounter = addToBody(rt, pi, body, created);
  const { local, global } = splitVariables(instruction.variables);
  applyGlobal(rt, pi, body.id, global);
  rt.createInner(pi, body, activity, loopCounter, null, true, local);
}

function startOnFlow(
  rt: Runtime,
  pi: ProcessInstanceState,
  instruction: Extract<ModificationInstruction, { type: 'startAfterActivity' | 'startTransition' }>,
): void {
  const model = rt.model(pi);
  let flowId: string;
  if (instruction.type === 'startAfterActivity') {
    const activity = model.activities[innerActivityId(instruction.activityId)];
    if (!activity) {
      throw invalid(
        instruction,
        `Activity '${instruction.activityId}' does not exist: activity is null`,
      );
    }
    if (activity.outgoing.length === 0) {
      throw new ProcessEngineException(
        `Cannot start after activity ${instruction.activityId}; activity has no outgoing sequence flow to take`,
      );
    }
    if (activity.outgoing.length > 1) {
      throw new ProcessEngineException(
        `Cannot start after activity ${instruction.activityId}; activity has more than one outgoing sequence flow`,
      );
    }
    flowId = activity.outgoing[0] ?? '';
  } else {
    flowId = instruction.transitionId;
    if (!model.sequenceFlows[flowId]) {
      throw invalid(
        instruction,
        `Element '${flowId}' does not exist in process '${pi.processDefinitionId}'`,
      );
    }
  }
  const flow = model.sequenceFlows[flowId];
  if (!flow) {
    throw invalid(
      instruction,
      `Element '${flowId}' does not exist in process '${pi.processDefinitionId}'`,
    );
  }
  const source = model.activities[flow.sourceRef];
  const flowScope = source ? parentScopeKey(model, source.id) : model.key;
  const { scope } = place(rt, pi, instruction, flowScope, flowId);
  const { local, global } = splitVariables(instruction.variables);
  applyGlobal(rt, pi, scope.id, global);
  rt.takeFlow(pi, scope.id, flowId, local);
}

function splitVariables(
  variables: Record<string, { value: TypedValue; local: boolean }> | undefined,
): {
  local: Record<string, TypedValue>;
  global: Record<string, TypedValue>;
} {
  const local: Record<string, TypedValue> = {};
  const global: Record<string, TypedValue> = {};
  for (const [name, variable] of Object.entries(variables ?? {})) {
    (variable.local ? local : global)[name] = variable.value;
  }
  return { local, global };
}

function applyGlobal(
  rt: Runtime,
  pi: ProcessInstanceState,
  scopeId: string,
  global: Record<string, TypedValue>,
): void {
  for (const [name, value] of Object.entries(global)) {
    rt.setVariable(pi, scopeId, name, value);
  }
}
