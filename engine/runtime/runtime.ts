/**
 * Process execution: how tokens enter, wait in and leave activities, and how scopes complete or are
 * cancelled. Tokens are modelled as Camunda reports them: activity instances and transition
 * instances (async continuations) in a tree of scope instances (contract §2.6).
 */
import { ProcessEngineException } from '../errors';
import { isExpression } from '../expressions/evaluate-expression';
import type { Activity, ProcessModel } from '../model/process-model';
import type { TypedValue } from '../variables';
import { MI_BODY_SUFFIX, isBodyId } from './activity-ids';
import { ACTIVITY_BEHAVIORS, signalActivity } from './behaviors/activity-behaviors';
import { triggerBoundaryEvent } from './behaviors/boundary-event';
import { calledInstanceCancelled, calledInstanceCompleted } from './behaviors/call-activity';
import { triggerEventSubProcess } from './behaviors/event-subprocess';
import { retryInclusiveJoins } from './behaviors/inclusive-gateway';
import type { CommandContext } from './command-context';
import { EventSubscriptions } from './event-subscriptions';
import { ExecutionTree, type RuntimeDeps } from './execution-tree';
import { IoMappings } from './io-mappings';
import { Jobs } from './jobs';
import { Listeners } from './listeners';
import type { PendingSignal, ProcessRuntime, StartOptions } from './process-runtime';
import { ScopeExpressions } from './scope-expressions';
import type {
  ActivityInstanceRec,
  EventSubscriptionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  TransitionInstanceRec,
  VariableRec,
} from './state';
import { toTypedValue } from './values';
import { VariableScopes } from './variable-scopes';

export { MI_BODY_SUFFIX, innerActivityId, isBodyId } from './activity-ids';
export { DEFAULT_JOB_RETRIES } from './jobs';
export type { RuntimeDeps } from './execution-tree';
export type { StartOptions } from './process-runtime';

export class Runtime implements ProcessRuntime {
  /** Signals thrown during the command, delivered once the thrower's path reached a wait state. */
  readonly pendingSignals: PendingSignal[] = [];
  readonly tree: ExecutionTree;
  readonly variables: VariableScopes;
  readonly expressions: ScopeExpressions;
  readonly listeners: Listeners;
  readonly io: IoMappings;
  readonly jobs: Jobs;
  readonly subscriptions: EventSubscriptions;

  constructor(
    readonly ctx: CommandContext,
    deps: RuntimeDeps,
  ) {
    this.tree = new ExecutionTree(ctx, deps);
    this.variables = new VariableScopes(ctx, this.tree);
    this.expressions = new ScopeExpressions(this.variables);
    this.listeners = new Listeners(ctx, this.tree, this.variables, this.expressions);
    this.io = new IoMappings(ctx, this.variables, this.expressions);
    this.jobs = new Jobs(ctx, this.tree, this.variables);
    this.subscriptions = new EventSubscriptions(this.tree, this.expressions, this.jobs);
  }

  activityInstancesOf(pi: ProcessInstanceState, activityId: string): ActivityInstanceRec[] {
    return this.tree.activityInstancesOf(pi, activityId);
  }

  definitionOf(pi: ProcessInstanceState): ProcessDefinitionRec {
    return this.tree.definitionOf(pi);
  }

  model(pi: ProcessInstanceState): ProcessModel {
    return this.tree.model(pi);
  }

  activity(pi: ProcessInstanceState, activityId: string): Activity {
    return this.tree.activity(pi, activityId);
  }

  root(pi: ProcessInstanceState): ActivityInstanceRec {
    return this.tree.root(pi);
  }

  scopeKey(pi: ProcessInstanceState, ai: ActivityInstanceRec): string {
    return this.tree.scopeKey(pi, ai);
  }

  childInstances(pi: ProcessInstanceState, parentId: string): ActivityInstanceRec[] {
    return this.tree.childInstances(pi, parentId);
  }

  childTransitions(pi: ProcessInstanceState, parentId: string): TransitionInstanceRec[] {
    return this.tree.childTransitions(pi, parentId);
  }

  hasTokens(pi: ProcessInstanceState, scopeId: string, except?: string): boolean {
    return this.tree.hasTokens(pi, scopeId, except);
  }

  startEventOf(model: ProcessModel, containerId: string): Activity | undefined {
    return this.tree.startEventOf(model, containerId);
  }

  createActivityInstance(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    return this.tree.createActivityInstance(pi, parentId, activityId);
  }

  removeTransitionInstance(pi: ProcessInstanceState, ti: TransitionInstanceRec): void {
    this.tree.removeTransitionInstance(pi, ti);
  }

  setVariableLocal(
    pi: ProcessInstanceState,
    scopeId: string,
    name: string,
    value: TypedValue,
    options: { sourceScopeId?: string; initial?: boolean } = {},
  ): void {
    this.variables.setVariableLocal(pi, scopeId, name, value, options);
  }

  setVariable(pi: ProcessInstanceState, scopeId: string, name: string, value: TypedValue): void {
    this.variables.setVariable(pi, scopeId, name, value);
  }

  removeVariableLocal(pi: ProcessInstanceState, scopeId: string, name: string): boolean {
    return this.variables.removeVariableLocal(pi, scopeId, name);
  }

  invokeTaskListeners(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
    task: TaskRec,
    event: string,
  ): void {
    this.listeners.invokeTaskListeners(pi, ai, activity, task, event);
  }

  /** A token arrives at `activityId` inside the scope instance `scopeId`. */
  enter(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables: Record<string, TypedValue> = {},
  ): void {
    const activity = this.tree.activity(pi, activityId);
    if (activity.multiInstance && !isBodyId(activityId) && !this.tree.isInnerOfBody(pi, scopeId)) {
      this.enter(pi, scopeId, `${activityId}${MI_BODY_SUFFIX}`, localVariables);
      return;
    }
    if (isBodyId(activityId)) {
      if (activity.asyncBefore) {
        this.jobs.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
      } else {
        this.executeBody(pi, scopeId, activity, localVariables);
      }
      return;
    }
    const asyncBefore = activity.multiInstance
      ? (activity.innerAsyncBefore ?? false)
      : activity.asyncBefore;
    if (asyncBefore) {
      this.jobs.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
      return;
    }
    this.execute(pi, scopeId, activityId, localVariables);
  }

  /**
   * Enters an activity without honouring asyncBefore: the continuation runs now. `carried` are the
   * variables of the async continuation's execution, which go on unchanged (no history event).
   */
  execute(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables: Record<string, TypedValue> = {},
    carried: Record<string, VariableRec> = {},
  ): void {
    if (isBodyId(activityId)) {
      this.executeBody(pi, scopeId, this.tree.activity(pi, activityId), localVariables, carried);
      return;
    }
    const ai = this.tree.createActivityInstance(pi, scopeId, activityId);
    Object.assign(ai.variables, carried);
    for (const [name, value] of Object.entries(localVariables)) {
      this.variables.setVariableLocal(pi, ai.id, name, value);
    }
    this.startActivity(pi, ai);
  }

  /** Scope entry (input mappings, start listeners, subscriptions) followed by the behaviour. */
  startActivity(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    const activity = this.tree.activity(pi, ai.activityId);
    this.enterScope(pi, ai, activity);
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    ACTIVITY_BEHAVIORS[activity.kind].execute({ pi, ai, activity }, this);
  }

  /** What creating an activity instance does before its behaviour runs (also for missing scopes). */
  enterScope(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    this.io.runInputMappings(pi, ai, activity);
    this.listeners.invokeListeners(pi, ai.id, activity.listeners, 'start');
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    if (!activity.multiInstance || isBodyId(ai.activityId)) {
      this.subscriptions.createBoundaryEvents(pi, ai, activity);
    }
    if (activity.isContainer) {
      this.subscriptions.createEventSubProcessSubscriptions(pi, ai, activity.eventSubProcessIds);
    }
  }

  /** Missing scopes are created without running their start event (contract §4.3). */
  enterScopeOnly(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    const ai = this.tree.createActivityInstance(pi, parentId, activityId);
    if (isBodyId(activityId)) {
      return ai;
    }
    this.enterScope(pi, ai, this.tree.activity(pi, activityId));
    return ai;
  }

  // ---- gateways

  /** The flows a non-gateway activity takes: every unconditional flow and every true condition. */
  outgoingFlows(pi: ProcessInstanceState, scopeId: string, activity: Activity): string[] {
    const model = this.tree.model(pi);
    const chosen = activity.outgoing.filter((flowId) => {
      const flow = model.sequenceFlows[flowId];
      return (
        flow !== undefined &&
        flowId !== activity.defaultFlow &&
        (flow.condition === null || this.expressions.isTrue(pi, scopeId, flow.condition))
      );
    });
    if (chosen.length === 0 && activity.defaultFlow) {
      return [activity.defaultFlow];
    }
    return chosen;
  }

  /** Cancels everything inside a scope instance, as an interrupting event subprocess does. */
  interruptScope(pi: ProcessInstanceState, scope: ActivityInstanceRec): void {
    for (const child of this.tree.childInstances(pi, scope.id)) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.tree.childTransitions(pi, scope.id)) {
      this.tree.removeTransitionInstance(pi, ti);
    }
    for (const subscription of Object.values(pi.eventSubscriptions)) {
      if (subscription.activityInstanceId === scope.id) {
        delete pi.eventSubscriptions[subscription.id];
      }
    }
    for (const job of Object.values(pi.jobs)) {
      if (job.activityInstanceId === scope.id) {
        this.tree.deleteJob(pi, job.id);
      }
    }
  }

  // ---- leaving activities

  /** The activity completes normally and its token moves on. */
  leave(pi: ProcessInstanceState, ai: ActivityInstanceRec, flows?: string[]): void {
    const activity = this.tree.activity(pi, ai.activityId);
    const parentId = ai.parentId ?? pi.id;
    const innerOfBody = this.tree.isInnerOfBody(pi, ai.parentId);
    let completionConditionMet = false;
    let flowsToTake: string[] = [];
    if (innerOfBody && !activity.innerAsyncAfter) {
      // Camunda updates the body's counters before it evaluates the completion condition.
      this.countInnerCompletion(pi, parentId);
      completionConditionMet = this.completionConditionMet(pi, ai.id, activity);
    } else if (innerOfBody) {
      completionConditionMet = false;
    } else if (!(activity.asyncAfter && flows === undefined)) {
      flowsToTake = flows ?? this.outgoingFlows(pi, ai.id, activity);
    }
    this.io.runOutputMappings(pi, ai, activity);
    this.listeners.invokeListeners(pi, ai.id, activity.listeners, 'end');
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    this.tree.removeActivityInstance(pi, ai, false);
    if (innerOfBody) {
      const innerAsyncAfter = activity.innerAsyncAfter ?? false;
      if (innerAsyncAfter) {
        this.jobs.createTransitionInstance(pi, parentId, activity.id, 'after');
        return;
      }
      this.innerCompleted(pi, parentId, completionConditionMet);
      return;
    }
    const asyncAfter = activity.multiInstance ? false : activity.asyncAfter;
    if (asyncAfter) {
      this.jobs.createTransitionInstance(
        pi,
        parentId,
        ai.activityId,
        'after',
        {},
        flows?.length === 1 ? (flows[0] ?? null) : null,
      );
      return;
    }
    this.takeFlows(pi, parentId, flowsToTake);
  }

  takeFlows(pi: ProcessInstanceState, scopeId: string, flows: string[]): void {
    if (flows.length === 0) {
      this.scopeMaybeComplete(pi, scopeId);
      return;
    }
    this.ctx.pendingTokens.set(scopeId, (this.ctx.pendingTokens.get(scopeId) ?? 0) + flows.length);
    for (const flowId of flows) {
      this.ctx.pendingTokens.set(scopeId, (this.ctx.pendingTokens.get(scopeId) ?? 1) - 1);
      if (!pi.activityInstances[scopeId]) {
        continue;
      }
      this.takeFlow(pi, scopeId, flowId);
    }
  }

  takeFlow(
    pi: ProcessInstanceState,
    scopeId: string,
    flowId: string,
    localVariables: Record<string, TypedValue> = {},
  ): void {
    const flow = this.tree.model(pi).sequenceFlows[flowId];
    if (!flow) {
      throw new ProcessEngineException(`Sequence flow '${flowId}' does not exist`);
    }
    this.listeners.invokeFlowListeners(pi, scopeId, flowId);
    this.enter(pi, scopeId, flow.targetRef, localVariables);
  }

  /** A scope instance without tokens completes: the root ends, a subprocess leaves. */
  scopeMaybeComplete(pi: ProcessInstanceState, scopeId: string): void {
    if ((this.ctx.pendingTokens.get(scopeId) ?? 0) > 0) {
      return;
    }
    const scope = pi.activityInstances[scopeId];
    if (!scope || this.tree.hasTokens(pi, scopeId)) {
      return;
    }
    retryInclusiveJoins(this, pi, scopeId);
    if (scope.parentId === null) {
      if (this.ctx.preserved.has(pi.id)) {
        this.ctx.rootEmptied.set(pi.id, 'completed');
        return;
      }
      this.endProcessInstance(pi, 'completed');
      return;
    }
    if (isBodyId(scope.activityId)) {
      this.leaveBody(pi, scope);
      return;
    }
    this.leave(pi, scope);
  }

  // ---- multi-instance

  executeBody(
    pi: ProcessInstanceState,
    scopeId: string,
    activity: Activity,
    localVariables: Record<string, TypedValue>,
    carried: Record<string, VariableRec> = {},
  ): void {
    const loop = activity.multiInstance;
    if (!loop) {
      throw new ProcessEngineException(
        `Activity '${activity.id}' is not a multi-instance activity`,
      );
    }
    const body = this.tree.createActivityInstance(pi, scopeId, `${activity.id}${MI_BODY_SUFFIX}`);
    Object.assign(body.variables, carried);
    for (const [name, value] of Object.entries(localVariables)) {
      this.variables.setVariableLocal(pi, body.id, name, value);
    }
    this.subscriptions.createBoundaryEvents(pi, body, activity);
    const collection = this.loopCollection(pi, body.id, activity);
    let count: number;
    if (loop.loopCardinality !== null) {
      const raw = isExpression(loop.loopCardinality)
        ? this.expressions.evaluate(pi, body.id, loop.loopCardinality)
        : loop.loopCardinality;
      count = Number(raw);
      if (!Number.isInteger(count) || count < 0) {
        throw new ProcessEngineException(
          `Invalid number of instances: must be a non-negative integer value, but was ${String(raw)}`,
        );
      }
    } else if (collection) {
      count = collection.length;
    } else {
      throw new ProcessEngineException(
        `ENGINE-02028 Either loopCardinality or loopDataInputRef/activiti:collection must been set for multi-instance activity '${activity.id}'`,
      );
    }
    const integer = (value: number): TypedValue => ({ type: 'Integer', value, valueInfo: {} });
    this.variables.setVariableLocal(pi, body.id, 'nrOfInstances', integer(count));
    this.variables.setVariableLocal(pi, body.id, 'nrOfCompletedInstances', integer(0));
    this.variables.setVariableLocal(
      pi,
      body.id,
      'nrOfActiveInstances',
      integer(loop.sequential ? Math.min(1, count) : count),
    );
    if (count === 0) {
      this.leaveBody(pi, body);
      return;
    }
    if (loop.sequential) {
      this.createInner(pi, body, activity, 0, collection);
      return;
    }
    const created: string[] = [];
    for (let index = 0; index < count; index++) {
      created.push(this.createInner(pi, body, activity, index, collection, false));
    }
    for (const id of created) {
      const inner = pi.activityInstances[id];
      if (inner) {
        this.startActivity(pi, inner);
      }
    }
  }

  private loopCollection(
    pi: ProcessInstanceState,
    scopeId: string,
    activity: Activity,
  ): unknown[] | null {
    const source = activity.multiInstance?.collection;
    if (!source) {
      return null;
    }
    const value = isExpression(source)
      ? this.expressions.evaluate(pi, scopeId, source)
      : this.expressions.expressionContext(pi, scopeId).getVariable(source);
    if (Array.isArray(value)) {
      return value as unknown[];
    }
    throw new ProcessEngineException(
      `ENGINE-02026 Invalid value '${String(value)}' for collection of multi-instance activity '${activity.id}': a collection (Json array) is required`,
    );
  }

  /**
   * Creates one inner instance of a body. Returns the id of the created token; with `start` false
   * the activity instance is created but its behaviour is left to the caller.
   */
  createInner(
    pi: ProcessInstanceState,
    body: ActivityInstanceRec,
    activity: Activity,
    loopCounter: number,
    collection: unknown[] | null,
    start = true,
    extraVariables: Record<string, TypedValue> = {},
  ): string {
    const variables: Record<string, TypedValue> = {
      loopCounter: { type: 'Integer', value: loopCounter, valueInfo: {} },
    };
    const elementVariable = activity.multiInstance?.elementVariable;
    if (collection && elementVariable) {
      variables[elementVariable] = toTypedValue(collection[loopCounter]);
    }
    Object.assign(variables, extraVariables);
    if (activity.innerAsyncBefore) {
      return this.jobs.createTransitionInstance(pi, body.id, activity.id, 'before', variables).id;
    }
    const inner = this.tree.createActivityInstance(pi, body.id, activity.id);
    for (const [name, value] of Object.entries(variables)) {
      this.variables.setVariableLocal(pi, inner.id, name, value);
    }
    if (start) {
      this.startActivity(pi, inner);
    }
    return inner.id;
  }

  completionConditionMet(pi: ProcessInstanceState, scopeId: string, activity: Activity): boolean {
    const condition = activity.multiInstance?.completionCondition;
    return condition ? this.expressions.isTrue(pi, scopeId, condition) : false;
  }

  private bodyCounter(pi: ProcessInstanceState, body: ActivityInstanceRec, name: string): number {
    const value = body.variables[name]?.value.value;
    return typeof value === 'number' ? value : 0;
  }

  /** One inner instance finished: nrOfCompletedInstances + 1, nrOfActiveInstances − 1. */
  countInnerCompletion(pi: ProcessInstanceState, bodyId: string): void {
    const body = pi.activityInstances[bodyId];
    if (!body) {
      return;
    }
    const integer = (value: number): TypedValue => ({ type: 'Integer', value, valueInfo: {} });
    this.variables.setVariableLocal(
      pi,
      body.id,
      'nrOfCompletedInstances',
      integer(this.bodyCounter(pi, body, 'nrOfCompletedInstances') + 1),
    );
    this.variables.setVariableLocal(
      pi,
      body.id,
      'nrOfActiveInstances',
      integer(Math.max(0, this.bodyCounter(pi, body, 'nrOfActiveInstances') - 1)),
    );
  }

  /** Called after `countInnerCompletion` and the removal of the inner instance. */
  innerCompleted(pi: ProcessInstanceState, bodyId: string, completionConditionMet: boolean): void {
    const body = pi.activityInstances[bodyId];
    if (!body) {
      return;
    }
    const activity = this.tree.activity(pi, body.activityId);
    const integer = (value: number): TypedValue => ({ type: 'Integer', value, valueInfo: {} });
    const completed = this.bodyCounter(pi, body, 'nrOfCompletedInstances');
    if (completionConditionMet) {
      for (const child of this.tree.childInstances(pi, body.id)) {
        this.cancelActivityInstance(pi, child);
      }
      for (const ti of this.tree.childTransitions(pi, body.id)) {
        this.tree.removeTransitionInstance(pi, ti);
      }
      this.leaveBody(pi, body);
      return;
    }
    if (activity.multiInstance?.sequential) {
      if (completed < this.bodyCounter(pi, body, 'nrOfInstances')) {
        this.variables.setVariableLocal(pi, body.id, 'nrOfActiveInstances', integer(1));
        this.createInner(pi, body, activity, completed, this.loopCollection(pi, body.id, activity));
        return;
      }
      this.leaveBody(pi, body);
      return;
    }
    if (!this.tree.hasTokens(pi, body.id)) {
      this.leaveBody(pi, body);
    }
  }

  leaveBody(pi: ProcessInstanceState, body: ActivityInstanceRec): void {
    const activity = this.tree.activity(pi, body.activityId);
    const parentId = body.parentId ?? pi.id;
    const flows = activity.asyncAfter ? [] : this.outgoingFlows(pi, body.id, activity);
    this.tree.removeActivityInstance(pi, body, false);
    if (activity.asyncAfter) {
      this.jobs.createTransitionInstance(pi, parentId, body.activityId, 'after');
      return;
    }
    this.takeFlows(pi, parentId, flows);
  }

  // ---- call activities

  // ---- cancellation

  /**
   * Cancels a token as a modification does: climbs to the topmost ancestor that has no other child
   * and cancels that (contract §4.7). An emptied root is left for the end of the command.
   */
  cancelWithPropagation(pi: ProcessInstanceState, tokenId: string): void {
    let current: string = tokenId;
    for (;;) {
      const parentId: string | null =
        pi.activityInstances[current]?.parentId ??
        pi.transitionInstances[current]?.parentId ??
        null;
      if (parentId === null || this.tree.hasTokens(pi, parentId, current)) {
        break;
      }
      current = parentId;
    }
    const ai = pi.activityInstances[current];
    if (ai && ai.parentId === null) {
      for (const child of this.tree.childInstances(pi, ai.id)) {
        if (pi.activityInstances[child.id]) {
          this.cancelActivityInstance(pi, child);
        }
      }
      for (const ti of this.tree.childTransitions(pi, ai.id)) {
        this.tree.removeTransitionInstance(pi, ti);
      }
      this.ctx.rootEmptied.set(pi.id, 'cancelled');
      return;
    }
    if (ai) {
      this.cancelActivityInstance(pi, ai);
      return;
    }
    const ti = pi.transitionInstances[current];
    if (ti) {
      this.tree.removeTransitionInstance(pi, ti);
    }
  }

  /** Ends a process instance whose root has no tokens left (outside modifications). */
  finishIfEmpty(pi: ProcessInstanceState, reason: 'completed' | 'cancelled'): void {
    if (
      this.ctx.isEnded(pi.id) ||
      this.tree.hasTokens(pi, pi.id) ||
      this.ctx.preserved.has(pi.id)
    ) {
      if (this.ctx.preserved.has(pi.id) && !this.tree.hasTokens(pi, pi.id)) {
        this.ctx.rootEmptied.set(pi.id, reason);
      }
      return;
    }
    this.endProcessInstance(pi, reason);
  }

  /** Cancels an activity instance and everything below it; end listeners and output mappings run. */
  cancelActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    for (const child of this.tree.childInstances(pi, ai.id).reverse()) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.tree.childTransitions(pi, ai.id)) {
      this.tree.removeTransitionInstance(pi, ti);
    }
    if (ai.calledProcessInstanceId) {
      const sub = this.ctx.instance(ai.calledProcessInstanceId);
      if (sub) {
        this.ctx.cancellingFromCaller.add(sub.id);
        this.deleteProcessInstance(sub, 'Cancellation due to process instance modifcation', true);
      }
    }
    if (ai.parentId !== null) {
      const activity = this.tree.activity(pi, ai.activityId);
      if (!isBodyId(ai.activityId)) {
        this.io.runOutputMappings(pi, ai, activity);
        this.listeners.invokeListeners(pi, ai.id, activity.listeners, 'end');
      }
    }
    if (pi.activityInstances[ai.id]) {
      this.tree.removeActivityInstance(pi, ai, true);
    }
  }

  // ---- process instances

  startProcessInstance(
    definition: ProcessDefinitionRec,
    options: StartOptions,
  ): ProcessInstanceState {
    if (definition.suspended) {
      throw new ProcessEngineException(
        `Cannot start process instance. Process definition ${definition.name ?? definition.key} (id = ${definition.id}) is suspended`,
      );
    }
    const id = this.tree.newId();
    const now = this.tree.now();
    const pi: ProcessInstanceState = {
      id,
      processDefinitionId: definition.id,
      businessKey: options.businessKey ?? null,
      superProcessInstanceId: options.superProcessInstanceId ?? null,
      superActivityInstanceId: options.superActivityInstanceId ?? null,
      rootProcessInstanceId: options.rootProcessInstanceId ?? id,
      startTime: now,
      suspended: false,
      tenantId: definition.tenantId,
      activityInstances: {},
      transitionInstances: {},
      tasks: {},
      jobs: {},
      eventSubscriptions: {},
      incidents: {},
    };
    const root: ActivityInstanceRec = {
      id,
      activityId: definition.id,
      parentId: null,
      executionId: id,
      seq: this.ctx.nextSeq(),
      startTime: now,
      variables: {},
      calledProcessInstanceId: null,
      joinWaiting: false,
    };
    this.tree.putActivityInstance(pi, root);
    this.ctx.addInstance(pi);
    const model = definition.model;
    const startEvent =
      options.startEventId ??
      model.startEventIds.find((sid) => model.activities[sid]?.eventDefinition.kind === 'none') ??
      model.startEventIds[0] ??
      null;
    this.ctx.putHistoricProcessInstance({
      id,
      businessKey: pi.businessKey,
      processDefinitionId: definition.id,
      processDefinitionKey: definition.key,
      processDefinitionName: definition.name,
      processDefinitionVersion: definition.version,
      startTime: now,
      endTime: null,
      startUserId: options.startUserId ?? null,
      startActivityId: options.noStart ? null : startEvent,
      deleteReason: null,
      rootProcessInstanceId: pi.rootProcessInstanceId,
      superProcessInstanceId: pi.superProcessInstanceId,
      tenantId: pi.tenantId,
      state: 'ACTIVE',
    });
    for (const [name, value] of Object.entries(options.variables ?? {})) {
      // DefaultHistoryEventProducer marks the variables a process instance starts with as initial.
      this.variables.setVariableLocal(pi, id, name, value, { initial: true });
    }
    this.listeners.invokeListeners(pi, id, model.listeners, 'start');
    this.subscriptions.createEventSubProcessSubscriptions(pi, root, model.eventSubProcessIds);
    if (options.noStart) {
      return pi;
    }
    if (!startEvent) {
      throw new ProcessEngineException(
        `Process definition '${definition.id}' has no none start event to start from`,
      );
    }
    this.enter(pi, id, startEvent);
    return pi;
  }

  /** Ends an instance whose root is empty: completion or cancellation propagates to the caller. */
  endProcessInstance(
    pi: ProcessInstanceState,
    reason: 'completed' | 'cancelled',
    deleteReason: string | null = null,
  ): void {
    if (this.ctx.isEnded(pi.id)) {
      return;
    }
    const root = this.tree.root(pi);
    if (reason === 'completed') {
      this.listeners.invokeListeners(pi, root.id, this.tree.model(pi).listeners, 'end');
    }
    for (const subscription of Object.values(pi.eventSubscriptions)) {
      delete pi.eventSubscriptions[subscription.id];
    }
    for (const job of Object.values(pi.jobs)) {
      this.tree.deleteJob(pi, job.id);
    }
    this.ctx.endInstance(pi.id);
    const historic = this.ctx.historicProcessInstance(pi.id);
    if (historic) {
      historic.endTime = this.tree.now();
      historic.state = reason === 'completed' ? 'COMPLETED' : 'EXTERNALLY_TERMINATED';
      historic.deleteReason = reason === 'completed' ? null : deleteReason;
    }
    if (reason === 'completed') {
      calledInstanceCompleted(this, pi);
    } else {
      calledInstanceCancelled(this, pi);
    }
  }

  /** Cancels every token of an instance and ends it as externally terminated. */
  deleteProcessInstance(
    pi: ProcessInstanceState,
    deleteReason: string | null,
    fromCaller = false,
  ): void {
    if (fromCaller) {
      this.ctx.cancellingFromCaller.add(pi.id);
    }
    const root = this.tree.root(pi);
    for (const child of this.tree.childInstances(pi, root.id).reverse()) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.tree.childTransitions(pi, root.id)) {
      this.tree.removeTransitionInstance(pi, ti);
    }
    this.listeners.invokeListeners(pi, root.id, this.tree.model(pi).listeners, 'end');
    this.endProcessInstance(pi, 'cancelled', deleteReason);
  }

  // ---- jobs

  /** Runs a job's handler; the job has been removed from its instance by the caller. */
  runJob(job: JobRec): void {
    if (job.processInstanceId === null) {
      throw new ProcessEngineException(`Job '${job.id}' belongs to no process instance`);
    }
    const pi = this.ctx.instance(job.processInstanceId);
    if (!pi) {
      throw new ProcessEngineException(
        `Process instance '${job.processInstanceId}' of job '${job.id}' does not exist`,
      );
    }
    this.tree.deleteJob(pi, job.id);
    switch (job.handlerType) {
      case 'async-continuation':
        this.continueAsync(pi, job);
        return;
      case 'timer-transition': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        this.jobs.rescheduleCycle(pi, job);
        triggerBoundaryEvent(this, pi, owner, job.activityId, {});
        return;
      }
      case 'timer-intermediate-transition': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        signalActivity(this, pi, owner, this.tree.activity(pi, owner.activityId), {
          eventId: job.activityId,
          variables: {},
          subscriptionId: null,
        });
        return;
      }
      case 'timer-start-event-subprocess': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        this.jobs.rescheduleCycle(pi, job);
        triggerEventSubProcess(this, pi, owner, job.activityId, {});
        return;
      }
      default:
        throw new ProcessEngineException(
          `Job handler '${job.handlerType}' cannot run on a process instance`,
        );
    }
  }

  private continueAsync(pi: ProcessInstanceState, job: JobRec): void {
    const ti = pi.transitionInstances[job.executionId ?? ''];
    if (!ti) {
      throw new ProcessEngineException(`Transition instance of job '${job.id}' does not exist`);
    }
    delete pi.transitionInstances[ti.id];
    const innerOfBody = this.tree.isInnerOfBody(pi, ti.parentId);
    if (ti.kind === 'before') {
      if (innerOfBody) {
        const inner = this.tree.createActivityInstance(pi, ti.parentId, ti.activityId);
        Object.assign(inner.variables, ti.variables);
        this.startActivity(pi, inner);
        return;
      }
      this.execute(pi, ti.parentId, ti.activityId, {}, ti.variables);
      return;
    }
    if (innerOfBody) {
      const activity = this.tree.activity(pi, ti.activityId);
      this.countInnerCompletion(pi, ti.parentId);
      this.innerCompleted(pi, ti.parentId, this.completionConditionMet(pi, ti.parentId, activity));
      return;
    }
    const activity = this.tree.activity(pi, ti.activityId);
    const flows = ti.transitionId
      ? [ti.transitionId]
      : this.outgoingFlows(pi, ti.parentId, activity);
    this.takeFlows(pi, ti.parentId, flows);
  }

  // ---- signals

  /** Delivers signals thrown during the command to every subscription, as Camunda broadcasts. */
  deliverSignals(
    startDefinitions: (
      name: string,
    ) => { definition: ProcessDefinitionRec; startEventId: string }[],
  ): void {
    while (this.pendingSignals.length > 0) {
      const signal = this.pendingSignals.shift();
      if (!signal) {
        break;
      }
      const hits: { pi: ProcessInstanceState; subscription: EventSubscriptionRec }[] = [];
      for (const id of [...this.ctx.instanceIds()]) {
        const peeked = this.ctx.peek(id);
        if (!peeked) {
          continue;
        }
        const matching = Object.values(peeked.eventSubscriptions).filter(
          (s) => s.eventType === 'signal' && s.eventName === signal.name,
        );
        if (matching.length === 0) {
          continue;
        }
        const pi = this.ctx.instance(id);
        if (!pi) {
          continue;
        }
        for (const subscription of matching) {
          hits.push({ pi, subscription });
        }
      }
      for (const hit of hits) {
        if (hit.pi.eventSubscriptions[hit.subscription.id]) {
          this.triggerSubscription(hit.pi, hit.subscription, signal.variables);
        }
      }
      for (const start of startDefinitions(signal.name)) {
        this.startProcessInstance(start.definition, {
          startEventId: start.startEventId,
          variables: signal.variables,
        });
      }
    }
  }

  /** An event arrived for a subscription of a running instance. */
  triggerSubscription(
    pi: ProcessInstanceState,
    subscription: EventSubscriptionRec,
    variables: Record<string, TypedValue>,
  ): void {
    const owner = pi.activityInstances[subscription.activityInstanceId ?? ''];
    if (!owner) {
      return;
    }
    const catcher = this.tree.activity(pi, subscription.activityId);
    if (catcher.kind === 'boundaryEvent') {
      triggerBoundaryEvent(this, pi, owner, catcher.id, variables);
    } else if (catcher.kind === 'startEvent') {
      // Non-interrupting event subprocess subscriptions stay for the next event.
      if (catcher.interrupting) {
        delete pi.eventSubscriptions[subscription.id];
      }
      triggerEventSubProcess(this, pi, owner, catcher.id, variables);
    } else {
      signalActivity(this, pi, owner, this.tree.activity(pi, owner.activityId), {
        eventId: catcher.id,
        variables,
        subscriptionId: subscription.id,
      });
    }
  }
}
