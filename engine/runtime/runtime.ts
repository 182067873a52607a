/**
 * Process execution for one command: how tokens enter, wait in and leave activities, and how
 * scopes complete or are cancelled. Tokens are modelled as Camunda reports them
 * (`GetActivityInstanceCmd`): activity instances and transition instances (async continuations)
 * in a tree of scope instances. Runtime composes the parts (the execution tree, variable scopes,
 * listeners, jobs, subscriptions, the token operations and the behaviours of behaviors/) and is
 * what the engine's commands, modifications and batches call.
 */
import type { Activity, ProcessModel } from '../model/process-model';
import type { TypedValue } from '../variables';
import * as atomic from './atomic-operations';
import type { CommandContext } from './command-context';
import { deliverSignals, triggerSubscription } from './event-delivery';
import { EventSubscriptions } from './event-subscriptions';
import { ExecutionTree, type RuntimeDeps } from './execution-tree';
import { IoMappings } from './io-mappings';
import { runJob } from './job-handlers';
import { Jobs } from './jobs';
import { Listeners } from './listeners';
import * as multiInstance from './multi-instance';
import type { PendingSignal, ProcessRuntime, StartOptions } from './process-runtime';
import * as processInstances from './process-instances';
import * as cancellation from './scope-cancellation';
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

  /** For the engine's commands; the parts call `tree` directly. */
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

  enter(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables: Record<string, TypedValue> = {},
  ): void {
    atomic.enter(this, pi, scopeId, activityId, localVariables);
  }

  execute(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables: Record<string, TypedValue> = {},
    carried: Record<string, VariableRec> = {},
  ): void {
    atomic.execute(this, pi, scopeId, activityId, localVariables, carried);
  }

  startActivity(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    atomic.startActivity(this, pi, ai);
  }

  enterScope(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    atomic.enterScope(this, pi, ai, activity);
  }

  enterScopeOnly(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    return atomic.enterScopeOnly(this, pi, parentId, activityId);
  }

  leave(pi: ProcessInstanceState, ai: ActivityInstanceRec, flows?: string[]): void {
    atomic.leave(this, pi, ai, flows);
  }

  takeFlows(pi: ProcessInstanceState, scopeId: string, flows: string[]): void {
    atomic.takeFlows(this, pi, scopeId, flows);
  }

  takeFlow(
    pi: ProcessInstanceState,
    scopeId: string,
    flowId: string,
    localVariables: Record<string, TypedValue> = {},
  ): void {
    atomic.takeFlow(this, pi, scopeId, flowId, localVariables);
  }

  outgoingFlows(pi: ProcessInstanceState, scopeId: string, activity: Activity): string[] {
    return atomic.outgoingFlows(this, pi, scopeId, activity);
  }

  scopeMaybeComplete(pi: ProcessInstanceState, scopeId: string): void {
    atomic.scopeMaybeComplete(this, pi, scopeId);
  }

  executeBody(
    pi: ProcessInstanceState,
    scopeId: string,
    activity: Activity,
    localVariables: Record<string, TypedValue>,
    carried: Record<string, VariableRec> = {},
  ): void {
    multiInstance.executeBody(this, pi, scopeId, activity, localVariables, carried);
  }

  createInner(
    pi: ProcessInstanceState,
    body: ActivityInstanceRec,
    activity: Activity,
    loopCounter: number,
    collection: unknown[] | null,
    start = true,
    extraVariables: Record<string, TypedValue> = {},
  ): string {
    return multiInstance.createInner(
      this,
      pi,
      body,
      activity,
      loopCounter,
      collection,
      start,
      extraVariables,
    );
  }

  countInnerCompletion(pi: ProcessInstanceState, bodyId: string): void {
    multiInstance.countInnerCompletion(this, pi, bodyId);
  }

  innerCompleted(pi: ProcessInstanceState, bodyId: string, completionConditionMet: boolean): void {
    multiInstance.innerCompleted(this, pi, bodyId, completionConditionMet);
  }

  completionConditionMet(pi: ProcessInstanceState, scopeId: string, activity: Activity): boolean {
    return multiInstance.completionConditionMet(this, pi, scopeId, activity);
  }

  leaveBody(pi: ProcessInstanceState, body: ActivityInstanceRec): void {
    multiInstance.leaveBody(this, pi, body);
  }

  cancelWithPropagation(pi: ProcessInstanceState, tokenId: string): void {
    cancellation.cancelWithPropagation(this, pi, tokenId);
  }

  finishIfEmpty(pi: ProcessInstanceState, reason: 'completed' | 'cancelled'): void {
    cancellation.finishIfEmpty(this, pi, reason);
  }

  cancelActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    cancellation.cancelActivityInstance(this, pi, ai);
  }

  interruptScope(pi: ProcessInstanceState, scope: ActivityInstanceRec): void {
    cancellation.interruptScope(this, pi, scope);
  }

  startProcessInstance(
    definition: ProcessDefinitionRec,
    options: StartOptions,
  ): ProcessInstanceState {
    return processInstances.startProcessInstance(this, definition, options);
  }

  endProcessInstance(
    pi: ProcessInstanceState,
    reason: 'completed' | 'cancelled',
    deleteReason: string | null = null,
  ): void {
    processInstances.endProcessInstance(this, pi, reason, deleteReason);
  }

  deleteProcessInstance(
    pi: ProcessInstanceState,
    deleteReason: string | null,
    fromCaller = false,
  ): void {
    processInstances.deleteProcessInstance(this, pi, deleteReason, fromCaller);
  }

  /** Runs a job's handler; the job has been removed from its instance by the caller. */
  runJob(job: JobRec): void {
    runJob(this, job);
  }

  /** Delivers signals thrown during the command to every subscription, as Camunda broadcasts. */
  deliverSignals(
    startDefinitions: (
      name: string,
    ) => { definition: ProcessDefinitionRec; startEventId: string }[],
  ): void {
    deliverSignals(this, startDefinitions);
  }

  /** An event arrived for a subscription of a running instance. */
  triggerSubscription(
    pi: ProcessInstanceState,
    subscription: EventSubscriptionRec,
    variables: Record<string, TypedValue>,
  ): void {
    triggerSubscription(this, pi, subscription, variables);
  }
}
