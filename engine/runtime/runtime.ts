/**
 * Process execution: how tokens enter, wait in and leave activities, and how scopes complete or are
 * cancelled. Tokens are modelled as Camunda reports them: activity instances and transition
 * instances (async continuations) in a tree of scope instances (contract §2.6).
 */
import { ProcessEngineException } from '../errors';
import { isExpression } from '../expressions/evaluate-expression';
import type { Activity, ProcessModel } from '../model/process-model';
import type { TypedValue } from '../variables';
import { MI_BODY_SUFFIX, innerActivityId, isBodyId } from './activity-ids';
import type { CommandContext } from './command-context';
import { EventSubscriptions } from './event-subscriptions';
import { ExecutionTree, type RuntimeDeps } from './execution-tree';
import { IoMappings } from './io-mappings';
import { Jobs } from './jobs';
import { Listeners, invokeDelegate } from './listeners';
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

export interface StartOptions {
  businessKey?: string | null;
  variables?: Record<string, TypedValue>;
  superProcessInstanceId?: string | null;
  superActivityInstanceId?: string | null;
  rootProcessInstanceId?: string | null;
  /** Start at this start event instead of the none start event. */
  startEventId?: string | null;
  /** Create the instance without starting any token (start instructions follow). */
  noStart?: boolean;
  startUserId?: string | null;
}

export class Runtime {
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
    this.behave(pi, ai, activity);
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

  private behave(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    switch (activity.kind) {
      case 'startEvent':
      case 'task':
      case 'manualTask':
      case 'boundaryEvent':
        this.leave(pi, ai);
        return;
      case 'userTask':
        this.createTask(pi, ai, activity);
        return;
      case 'receiveTask':
        if (activity.eventDefinition.kind === 'message') {
          this.subscriptions.createSubscription(
            pi,
            ai,
            activity.id,
            'message',
            activity.eventDefinition.messageName,
          );
        }
        return;
      case 'serviceTask':
        this.runService(pi, ai, activity);
        return;
      case 'exclusiveGateway':
        this.leave(pi, ai, [this.chooseExclusiveFlow(pi, ai, activity)]);
        return;
      case 'parallelGateway':
        if (activity.incoming.length > 1) {
          this.join(pi, ai, activity, activity.incoming.length);
        } else {
          this.leave(pi, ai);
        }
        return;
      case 'inclusiveGateway':
        if (activity.incoming.length > 1) {
          this.inclusiveJoin(pi, ai, activity);
        } else {
          this.leave(pi, ai, this.inclusiveFlows(pi, ai, activity));
        }
        return;
      case 'eventBasedGateway':
        this.waitForEventGateway(pi, ai, activity);
        return;
      case 'subProcess':
        this.startSubProcess(pi, ai, activity);
        return;
      case 'callActivity':
        this.startCalledInstance(pi, ai, activity);
        return;
      case 'intermediateCatchEvent':
        this.waitForEvent(pi, ai, activity);
        return;
      case 'intermediateThrowEvent':
        this.throwIntermediate(pi, ai, activity);
        return;
      case 'endEvent':
        this.end(pi, ai, activity);
        return;
    }
  }

  private startSubProcess(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const start = this.tree.startEventOf(this.tree.model(pi), activity.id);
    if (!start) {
      this.scopeMaybeComplete(pi, ai.id);
      return;
    }
    this.enter(pi, ai.id, start.id);
  }

  private runService(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    const service = activity.service;
    if (!service || service.kind === 'none') {
      this.leave(pi, ai);
      return;
    }
    if (service.kind === 'external') {
      return;
    }
    if (service.kind === 'expression' && service.expression) {
      const result = this.expressions.evaluate(pi, ai.id, service.expression);
      if (service.resultVariable) {
        this.variables.setVariable(pi, ai.id, service.resultVariable, toTypedValue(result));
      }
    } else if (service.kind === 'delegateExpression' && service.expression) {
      const delegate = this.expressions.evaluate(pi, ai.id, service.expression);
      invokeDelegate(
        delegate,
        this.expressions.executionBean(pi, ai.id),
        service.expression,
        'JavaDelegate',
      );
    }
    if (pi.activityInstances[ai.id]) {
      this.leave(pi, ai);
    }
  }

  private createTask(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    const text = (value: string | null): string | null =>
      value === null
        ? null
        : isExpression(value)
          ? nullableString(this.expressions.evaluate(pi, ai.id, value))
          : value;
    const list = (value: string | null): string[] =>
      (text(value) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const task: TaskRec = {
      id: this.tree.newId(),
      name: activity.name === null ? null : text(activity.name),
      description: activity.documentation,
      assignee: text(activity.assignee),
      owner: null,
      created: this.tree.now(),
      due: null,
      followUp: null,
      priority: 50,
      taskDefinitionKey: activity.id,
      processInstanceId: pi.id,
      processDefinitionId: pi.processDefinitionId,
      executionId: ai.executionId,
      activityInstanceId: ai.id,
      suspended: pi.suspended,
      tenantId: pi.tenantId,
      candidateUsers: list(activity.candidateUsers),
      candidateGroups: list(activity.candidateGroups),
      variables: {},
    };
    pi.tasks[task.id] = task;
    const historic = this.ctx.historicActivityInstance(ai.id);
    if (historic) {
      historic.taskId = task.id;
      historic.assignee = task.assignee;
    }
    this.listeners.invokeTaskListeners(pi, ai, activity, task, 'create');
    if (task.assignee !== null && pi.tasks[task.id]) {
      this.listeners.invokeTaskListeners(pi, ai, activity, task, 'assignment');
    }
  }

  // ---- gateways

  /** Camunda evaluates outgoing conditions in definition order; the default flow comes last. */
  private chooseExclusiveFlow(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): string {
    const model = this.tree.model(pi);
    for (const flowId of activity.outgoing) {
      const flow = model.sequenceFlows[flowId];
      if (!flow || flowId === activity.defaultFlow) {
        continue;
      }
      if (flow.condition === null || this.expressions.isTrue(pi, ai.id, flow.condition)) {
        return flowId;
      }
    }
    if (activity.defaultFlow) {
      return activity.defaultFlow;
    }
    throw new ProcessEngineException(
      `ENGINE-02004 No outgoing sequence flow for the element with id '${activity.id}' could be selected for continuing the process.`,
    );
  }

  private inclusiveFlows(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): string[] {
    const model = this.tree.model(pi);
    const chosen = activity.outgoing.filter((flowId) => {
      const flow = model.sequenceFlows[flowId];
      return (
        flow !== undefined &&
        flowId !== activity.defaultFlow &&
        (flow.condition === null || this.expressions.isTrue(pi, ai.id, flow.condition))
      );
    });
    if (chosen.length > 0) {
      return chosen;
    }
    if (activity.defaultFlow) {
      return [activity.defaultFlow];
    }
    if (activity.outgoing.length === 0) {
      return [];
    }
    throw new ProcessEngineException(
      `ENGINE-02004 No outgoing sequence flow for the element with id '${activity.id}' could be selected for continuing the process.`,
    );
  }

  /** The flows a non-gateway activity takes: every unconditional flow and every true condition. */
  private outgoingFlows(pi: ProcessInstanceState, scopeId: string, activity: Activity): string[] {
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

  private join(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
    needed: number,
  ): void {
    ai.joinWaiting = true;
    const waiting = this.tree
      .childInstances(pi, ai.parentId ?? pi.id)
      .filter((other) => other.activityId === activity.id && other.joinWaiting);
    if (waiting.length < needed) {
      return;
    }
    this.fireJoin(pi, ai, waiting.slice(0, needed));
  }

  private fireJoin(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    joined: ActivityInstanceRec[],
  ): void {
    for (const other of joined) {
      if (other.id !== ai.id) {
        this.tree.removeActivityInstance(pi, other, false);
      }
    }
    ai.joinWaiting = false;
    const activity = this.tree.activity(pi, ai.activityId);
    this.leave(
      pi,
      ai,
      activity.kind === 'inclusiveGateway' ? this.inclusiveFlows(pi, ai, activity) : undefined,
    );
  }

  private inclusiveJoin(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    ai.joinWaiting = true;
    this.tryInclusiveJoin(pi, ai.parentId ?? pi.id, activity);
  }

  /** An inclusive join fires once no other token in the scope can still reach it. */
  private tryInclusiveJoin(pi: ProcessInstanceState, scopeId: string, activity: Activity): void {
    const waiting = this.tree
      .childInstances(pi, scopeId)
      .filter((other) => other.activityId === activity.id && other.joinWaiting);
    const first = waiting[0];
    if (!first) {
      return;
    }
    const others = [
      ...this.tree
        .childInstances(pi, scopeId)
        .filter((other) => !(other.activityId === activity.id && other.joinWaiting)),
      ...this.tree.childTransitions(pi, scopeId),
    ];
    if (others.some((token) => this.canReach(pi, token.activityId, activity.id))) {
      return;
    }
    this.fireJoin(pi, first, waiting);
  }

  private canReach(pi: ProcessInstanceState, fromId: string, toId: string): boolean {
    const model = this.tree.model(pi);
    const seen = new Set<string>();
    const queue = [innerActivityId(fromId)];
    while (queue.length > 0) {
      const current = queue.pop() as string;
      if (current === toId) {
        return true;
      }
      if (seen.has(current)) {
        continue;
      }
      seen.add(current);
      const activity = model.activities[current];
      if (!activity) {
        continue;
      }
      for (const flowId of activity.outgoing) {
        const target = model.sequenceFlows[flowId]?.targetRef;
        if (target) {
          queue.push(target);
        }
      }
      queue.push(...activity.boundaryEventIds);
    }
    return false;
  }

  private waitForEventGateway(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const model = this.tree.model(pi);
    for (const flowId of activity.outgoing) {
      const target = model.activities[model.sequenceFlows[flowId]?.targetRef ?? ''];
      if (target) {
        this.subscriptions.subscribe(pi, ai, target, 'timer-intermediate-transition');
      }
    }
  }

  /** An event after an event-based gateway occurred: the gateway ends, the event's path runs. */
  triggerEventGatewayTarget(
    pi: ProcessInstanceState,
    gateway: ActivityInstanceRec,
    eventId: string,
    variables: Record<string, TypedValue> = {},
  ): void {
    const parentId = gateway.parentId ?? pi.id;
    const model = this.tree.model(pi);
    const flowId = this.tree
      .activity(pi, gateway.activityId)
      .outgoing.find((id) => model.sequenceFlows[id]?.targetRef === eventId);
    this.listeners.invokeListeners(
      pi,
      gateway.id,
      this.tree.activity(pi, gateway.activityId).listeners,
      'end',
    );
    this.tree.removeActivityInstance(pi, gateway, false);
    if (flowId) {
      this.listeners.invokeFlowListeners(pi, parentId, flowId);
    }
    const eventInstance = this.tree.createActivityInstance(pi, parentId, eventId);
    this.variables.setVariables(pi, eventInstance.id, variables);
    const event = this.tree.activity(pi, eventId);
    this.enterScope(pi, eventInstance, event);
    if (pi.activityInstances[eventInstance.id]) {
      this.leave(pi, eventInstance);
    }
  }

  // ---- events

  private waitForEvent(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const definition = activity.eventDefinition;
    if (definition.kind === 'conditional') {
      if (this.expressions.isTrue(pi, ai.id, definition.condition)) {
        this.leave(pi, ai);
        return;
      }
    }
    if (definition.kind === 'none') {
      this.leave(pi, ai);
      return;
    }
    this.subscriptions.subscribe(pi, ai, activity, 'timer-intermediate-transition');
  }

  private throwIntermediate(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const definition = activity.eventDefinition;
    if (definition.kind === 'signal') {
      this.pendingSignals.push({ name: definition.signalName, variables: {} });
    } else if (definition.kind === 'escalation') {
      this.propagateEscalation(pi, ai, definition.escalationCode);
    }
    if (pi.activityInstances[ai.id]) {
      this.leave(pi, ai);
    }
  }

  private end(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    const definition = activity.eventDefinition;
    switch (definition.kind) {
      case 'terminate':
        this.terminate(pi, ai);
        return;
      case 'error':
        this.propagateError(pi, ai, definition.errorCode);
        return;
      case 'escalation':
        this.propagateEscalation(pi, ai, definition.escalationCode);
        break;
      case 'signal':
        this.pendingSignals.push({ name: definition.signalName, variables: {} });
        break;
      default:
        break;
    }
    if (pi.activityInstances[ai.id]) {
      this.leave(pi, ai, []);
    }
  }

  /** Signals thrown during the command, delivered once the thrower's path reached a wait state. */
  readonly pendingSignals: { name: string; variables: Record<string, TypedValue> }[] = [];

  private terminate(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    const scopeId = ai.parentId ?? pi.id;
    this.listeners.invokeListeners(
      pi,
      ai.id,
      this.tree.activity(pi, ai.activityId).listeners,
      'end',
    );
    this.tree.removeActivityInstance(pi, ai, false);
    for (const child of this.tree.childInstances(pi, scopeId)) {
      this.cancelActivityInstance(pi, child);
    }
    for (const ti of this.tree.childTransitions(pi, scopeId)) {
      this.tree.removeTransitionInstance(pi, ti);
    }
    this.scopeMaybeComplete(pi, scopeId);
  }

  /**
   * Finds the innermost handler of a BPMN error: an error event subprocess of an enclosing scope,
   * or an error boundary event on an enclosing activity; without one the path just ends.
   */
  private propagateError(
    pi: ProcessInstanceState,
    thrower: ActivityInstanceRec,
    errorCode: string | null,
  ): void {
    const scopeId = thrower.parentId ?? pi.id;
    this.listeners.invokeListeners(
      pi,
      thrower.id,
      this.tree.activity(pi, thrower.activityId).listeners,
      'end',
    );
    this.tree.removeActivityInstance(pi, thrower, false);
    const handled = this.findHandler(pi, scopeId, 'error', errorCode);
    if (!handled) {
      this.scopeMaybeComplete(pi, scopeId);
    }
  }

  private propagateEscalation(
    pi: ProcessInstanceState,
    thrower: ActivityInstanceRec,
    code: string | null,
  ): void {
    this.findHandler(pi, thrower.parentId ?? pi.id, 'escalation', code);
  }

  private findHandler(
    pi: ProcessInstanceState,
    fromScopeId: string,
    kind: 'error' | 'escalation',
    code: string | null,
  ): boolean {
    const model = this.tree.model(pi);
    let scope: ActivityInstanceRec | undefined = pi.activityInstances[fromScopeId];
    while (scope) {
      const isRoot = scope.parentId === null;
      if (!isBodyId(scope.activityId)) {
        const espIds = isRoot
          ? model.eventSubProcessIds
          : this.tree.activity(pi, scope.activityId).eventSubProcessIds;
        for (const start of this.subscriptions.eventSubProcessStarts(pi, espIds)) {
          if (matchesCode(start, kind, code)) {
            this.triggerEventSubProcess(pi, scope, start.id, {});
            return true;
          }
        }
      }
      if (!isRoot && !this.tree.isInnerOfBody(pi, scope.parentId)) {
        const activity = this.tree.activity(pi, scope.activityId);
        for (const boundaryId of activity.boundaryEventIds) {
          const boundary = model.activities[boundaryId];
          if (boundary && matchesCode(boundary, kind, code)) {
            this.triggerBoundaryEvent(pi, scope, boundary.id, {});
            return true;
          }
        }
      }
      scope = scope.parentId === null ? undefined : pi.activityInstances[scope.parentId];
    }
    if (pi.superProcessInstanceId && pi.superActivityInstanceId) {
      const caller = this.ctx.instance(pi.superProcessInstanceId);
      const callActivity = caller?.activityInstances[pi.superActivityInstanceId];
      if (caller && callActivity) {
        const activity = this.tree.activity(caller, callActivity.activityId);
        for (const boundaryId of activity.boundaryEventIds) {
          const boundary = this.tree.model(caller).activities[boundaryId];
          if (boundary && matchesCode(boundary, kind, code)) {
            this.triggerBoundaryEvent(caller, callActivity, boundary.id, {});
            return true;
          }
        }
        return this.findHandler(caller, callActivity.parentId ?? caller.id, kind, code);
      }
    }
    return false;
  }

  /** A boundary event fires on `owner`: interrupting ones cancel it first. */
  triggerBoundaryEvent(
    pi: ProcessInstanceState,
    owner: ActivityInstanceRec,
    boundaryId: string,
    variables: Record<string, TypedValue>,
  ): void {
    const boundary = this.tree.activity(pi, boundaryId);
    const parentId = owner.parentId ?? pi.id;
    if (boundary.interrupting) {
      this.cancelActivityInstance(pi, owner);
    }
    this.variables.setVariables(pi, parentId, variables);
    this.execute(pi, parentId, boundaryId);
  }

  /** An event subprocess start event fires in `scope`; interrupting ones cancel the scope's content. */
  triggerEventSubProcess(
    pi: ProcessInstanceState,
    scope: ActivityInstanceRec,
    startEventId: string,
    variables: Record<string, TypedValue>,
  ): void {
    const start = this.tree.activity(pi, startEventId);
    if (start.interrupting) {
      this.interruptScope(pi, scope);
    }
    this.variables.setVariables(pi, scope.id, variables);
    const esp = this.enterScopeOnly(pi, scope.id, start.parentId);
    if (pi.activityInstances[esp.id]) {
      this.execute(pi, esp.id, start.id);
    }
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
    this.retryInclusiveJoins(pi, scopeId);
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

  private retryInclusiveJoins(pi: ProcessInstanceState, scopeId: string): void {
    for (const waiting of this.tree.childInstances(pi, scopeId)) {
      const activity = this.tree.model(pi).activities[waiting.activityId];
      if (waiting.joinWaiting && activity?.kind === 'inclusiveGateway') {
        this.tryInclusiveJoin(pi, scopeId, activity);
        return;
      }
    }
  }

  // ---- multi-instance

  private executeBody(
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

  private completionConditionMet(
    pi: ProcessInstanceState,
    scopeId: string,
    activity: Activity,
  ): boolean {
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

  private leaveBody(pi: ProcessInstanceState, body: ActivityInstanceRec): void {
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

  private startCalledInstance(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const rawKey = activity.calledElement ?? '';
    const key = isExpression(rawKey)
      ? String(this.expressions.evaluate(pi, ai.id, rawKey))
      : rawKey;
    const definition = this.ctx.latestDefinition(key);
    if (!definition) {
      throw new ProcessEngineException(
        `no processes deployed with key '${key}': processDefinition is null`,
      );
    }
    const variables: Record<string, TypedValue> = {};
    let businessKey: string | null = null;
    for (const mapping of activity.callIn) {
      if (mapping.businessKey) {
        businessKey = nullableString(this.expressions.evaluate(pi, ai.id, mapping.businessKey));
      } else if (mapping.all) {
        for (const [name, variable] of Object.entries(this.variables.visibleVariables(pi, ai.id))) {
          variables[name] = structuredClone(variable.value);
        }
      } else if (mapping.target) {
        if (mapping.sourceExpression) {
          variables[mapping.target] = toTypedValue(
            this.expressions.evaluate(pi, ai.id, mapping.sourceExpression),
          );
        } else if (mapping.source) {
          const found = this.variables.findVariable(pi, ai.id, mapping.source);
          variables[mapping.target] = found ? structuredClone(found.value) : toTypedValue(null);
        }
      }
    }
    const sub = this.startProcessInstance(definition, {
      businessKey,
      variables,
      superProcessInstanceId: pi.id,
      superActivityInstanceId: ai.id,
      rootProcessInstanceId: pi.rootProcessInstanceId,
    });
    const current = pi.activityInstances[ai.id];
    if (current && !this.ctx.isEnded(sub.id)) {
      current.calledProcessInstanceId = sub.id;
      const historic = this.ctx.historicActivityInstance(ai.id);
      if (historic) {
        historic.calledProcessInstanceId = sub.id;
      }
    }
  }

  private calledInstanceCompleted(sub: ProcessInstanceState): void {
    if (!sub.superProcessInstanceId || !sub.superActivityInstanceId) {
      return;
    }
    const caller = this.ctx.instance(sub.superProcessInstanceId);
    const callActivity = caller?.activityInstances[sub.superActivityInstanceId];
    if (!caller || !callActivity) {
      return;
    }
    const activity = this.tree.activity(caller, callActivity.activityId);
    const subVariables = this.variables.visibleVariables(sub, sub.id);
    for (const mapping of activity.callOut) {
      if (mapping.all) {
        for (const [name, variable] of Object.entries(subVariables)) {
          this.variables.setVariable(
            caller,
            callActivity.id,
            name,
            structuredClone(variable.value),
          );
        }
      } else if (mapping.target) {
        if (mapping.sourceExpression) {
          this.variables.setVariable(
            caller,
            callActivity.id,
            mapping.target,
            toTypedValue(this.expressions.evaluate(sub, sub.id, mapping.sourceExpression)),
          );
        } else if (mapping.source) {
          const found = subVariables[mapping.source];
          this.variables.setVariable(
            caller,
            callActivity.id,
            mapping.target,
            found ? structuredClone(found.value) : toTypedValue(null),
          );
        }
      }
    }
    callActivity.calledProcessInstanceId = null;
    this.leave(caller, callActivity);
  }

  /** A called instance was cancelled: its call activity instance goes, and emptied scopes with it. */
  private calledInstanceCancelled(sub: ProcessInstanceState): void {
    if (
      !sub.superProcessInstanceId ||
      !sub.superActivityInstanceId ||
      this.ctx.cancellingFromCaller.has(sub.id)
    ) {
      return;
    }
    const caller = this.ctx.instance(sub.superProcessInstanceId);
    const callActivity = caller?.activityInstances[sub.superActivityInstanceId];
    if (!caller || !callActivity) {
      return;
    }
    callActivity.calledProcessInstanceId = null;
    this.cancelWithPropagation(caller, callActivity.id);
    this.finishIfEmpty(caller, 'cancelled');
  }

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
      this.calledInstanceCompleted(pi);
    } else {
      this.calledInstanceCancelled(pi);
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
        this.triggerBoundaryEvent(pi, owner, job.activityId, {});
        return;
      }
      case 'timer-intermediate-transition': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        if (this.tree.activity(pi, owner.activityId).kind === 'eventBasedGateway') {
          this.triggerEventGatewayTarget(pi, owner, job.activityId);
        } else {
          this.leave(pi, owner);
        }
        return;
      }
      case 'timer-start-event-subprocess': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        this.jobs.rescheduleCycle(pi, job);
        this.triggerEventSubProcess(pi, owner, job.activityId, {});
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
    const ownerActivity =
      owner.parentId === null
        ? null
        : this.tree.model(pi).activities[innerActivityId(owner.activityId)];
    if (catcher.kind === 'boundaryEvent') {
      this.triggerBoundaryEvent(pi, owner, catcher.id, variables);
    } else if (catcher.kind === 'startEvent') {
      // Non-interrupting event subprocess subscriptions stay for the next event.
      if (catcher.interrupting) {
        delete pi.eventSubscriptions[subscription.id];
      }
      this.triggerEventSubProcess(pi, owner, catcher.id, variables);
    } else if (ownerActivity?.kind === 'eventBasedGateway') {
      this.triggerEventGatewayTarget(pi, owner, catcher.id, variables);
    } else {
      this.variables.setVariables(pi, owner.id, variables);
      delete pi.eventSubscriptions[subscription.id];
      this.leave(pi, owner);
    }
  }
}

function matchesCode(event: Activity, kind: 'error' | 'escalation', code: string | null): boolean {
  const definition = event.eventDefinition;
  if (kind === 'error' && definition.kind === 'error') {
    return definition.errorCode === null || definition.errorCode === code;
  }
  if (kind === 'escalation' && definition.kind === 'escalation') {
    return definition.escalationCode === null || definition.escalationCode === code;
  }
  return false;
}

function nullableString(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
