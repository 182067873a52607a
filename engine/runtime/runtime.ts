/**
 * Process execution: how tokens enter, wait in and leave activities, and how scopes complete or are
 * cancelled. Tokens are modelled as Camunda reports them: activity instances and transition
 * instances (async continuations) in a tree of scope instances (contract §2.6).
 */
import { ProcessEngineException } from '../errors';
import type { ExpressionContext } from '../expressions/expression-context';
import { evaluateExpression, isExpression } from '../expressions/evaluate-expression';
import type { Activity, ListenerDefinition, ProcessModel } from '../model/process-model';
import type { TypedValue } from '../variables';
import type { CommandContext } from './command-context';
import type {
  ActivityInstanceRec,
  EventSubscriptionRec,
  JobHandlerType,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  TransitionInstanceRec,
  VariableRec,
} from './state';
import { addDuration, nextCycle, parseDate } from './timer';
import { toPlainValue, toTypedValue } from './values';

export const MI_BODY_SUFFIX = '#multiInstanceBody';
export const DEFAULT_JOB_RETRIES = 3;

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

export interface RuntimeDeps {
  clock: () => number;
  newId: () => string;
}

/** Strips the multi-instance body suffix: `X#multiInstanceBody` → `X`. */
export function innerActivityId(activityId: string): string {
  return activityId.endsWith(MI_BODY_SUFFIX)
    ? activityId.slice(0, -MI_BODY_SUFFIX.length)
    : activityId;
}

export function isBodyId(activityId: string): boolean {
  return activityId.endsWith(MI_BODY_SUFFIX);
}

/** Activity id → ids of its activity instances, for one `ProcessInstanceState.activityInstances`. */
type ActivityInstanceIndex = Map<string, Set<string>>;

function addToIndex(index: ActivityInstanceIndex, ai: ActivityInstanceRec): void {
  const ids = index.get(ai.activityId);
  if (ids) {
    ids.add(ai.id);
  } else {
    index.set(ai.activityId, new Set([ai.id]));
  }
}

export class Runtime {
  /**
   * Keyed by the record itself: every command works on its own copy of an instance, so an index
   * never outlives the record it describes. Built on first use, then kept by the two places that
   * add and remove activity instances.
   */
  private readonly activityIndexes = new WeakMap<
    Record<string, ActivityInstanceRec>,
    ActivityInstanceIndex
  >();

  constructor(
    readonly ctx: CommandContext,
    private readonly deps: RuntimeDeps,
  ) {}

  now(): number {
    return this.deps.clock();
  }

  newId(): string {
    return this.deps.newId();
  }

  // ---------------------------------------------------------------- model and tree lookups

  /**
   * The activity instances of one activity (or multi-instance body), without reading every
   * activity instance: a modification asks once per start instruction, and thousands of start
   * instructions would otherwise cost quadratic time. Camunda's AbstractInstantiationCmd builds an
   * ActivityExecutionTreeMapping of the whole instance per instruction, which is quadratic too.
   */
  activityInstancesOf(pi: ProcessInstanceState, activityId: string): ActivityInstanceRec[] {
    let index = this.activityIndexes.get(pi.activityInstances);
    if (!index) {
      index = new Map();
      for (const ai of Object.values(pi.activityInstances)) {
        addToIndex(index, ai);
      }
      this.activityIndexes.set(pi.activityInstances, index);
    }
    const found: ActivityInstanceRec[] = [];
    for (const id of index.get(activityId) ?? []) {
      const ai = pi.activityInstances[id];
      // An instance removed without this runtime (none today) is left out rather than trusted.
      if (ai?.activityId === activityId) {
        found.push(ai);
      }
    }
    return found;
  }

  definitionOf(pi: ProcessInstanceState): ProcessDefinitionRec {
    const definition = this.ctx.definition(pi.processDefinitionId);
    if (!definition) {
      throw new ProcessEngineException(
        `no deployed process definition found with id '${pi.processDefinitionId}'`,
      );
    }
    return definition;
  }

  model(pi: ProcessInstanceState): ProcessModel {
    return this.definitionOf(pi).model;
  }

  activity(pi: ProcessInstanceState, activityId: string): Activity {
    const activity = this.model(pi).activities[innerActivityId(activityId)];
    if (!activity) {
      throw new ProcessEngineException(`Activity '${activityId}' does not exist`);
    }
    return activity;
  }

  root(pi: ProcessInstanceState): ActivityInstanceRec {
    const root = pi.activityInstances[pi.id];
    if (!root) {
      throw new ProcessEngineException(`Process instance '${pi.id}' has no root activity instance`);
    }
    return root;
  }

  /** The scope key of an activity instance: the process key for the root, else its activity id. */
  scopeKey(pi: ProcessInstanceState, ai: ActivityInstanceRec): string {
    return ai.parentId === null ? this.model(pi).key : ai.activityId;
  }

  childInstances(pi: ProcessInstanceState, parentId: string): ActivityInstanceRec[] {
    return Object.values(pi.activityInstances)
      .filter((ai) => ai.parentId === parentId)
      .sort((a, b) => a.seq - b.seq);
  }

  childTransitions(pi: ProcessInstanceState, parentId: string): TransitionInstanceRec[] {
    return Object.values(pi.transitionInstances)
      .filter((ti) => ti.parentId === parentId)
      .sort((a, b) => a.seq - b.seq);
  }

  hasTokens(pi: ProcessInstanceState, scopeId: string, except?: string): boolean {
    for (const ai of Object.values(pi.activityInstances)) {
      if (ai.parentId === scopeId && ai.id !== except) {
        return true;
      }
    }
    for (const ti of Object.values(pi.transitionInstances)) {
      if (ti.parentId === scopeId && ti.id !== except) {
        return true;
      }
    }
    return false;
  }

  isInnerOfBody(pi: ProcessInstanceState, parentId: string | null): boolean {
    if (parentId === null) {
      return false;
    }
    const parent = pi.activityInstances[parentId];
    return parent !== undefined && isBodyId(parent.activityId);
  }

  // ---------------------------------------------------------------- variables

  private variablesOf(pi: ProcessInstanceState, scopeId: string): Record<string, VariableRec> {
    const scope = pi.activityInstances[scopeId] ?? pi.transitionInstances[scopeId];
    if (!scope) {
      throw new ProcessEngineException(`Execution '${scopeId}' does not exist`);
    }
    return scope.variables;
  }

  private parentScope(pi: ProcessInstanceState, scopeId: string): string | null {
    const ai = pi.activityInstances[scopeId];
    if (ai) {
      return ai.parentId;
    }
    return pi.transitionInstances[scopeId]?.parentId ?? null;
  }

  findVariable(pi: ProcessInstanceState, scopeId: string, name: string): VariableRec | undefined {
    let current: string | null = scopeId;
    while (current !== null) {
      const found = this.variablesOf(pi, current)[name];
      if (found) {
        return found;
      }
      current = this.parentScope(pi, current);
    }
    return undefined;
  }

  setVariableLocal(
    pi: ProcessInstanceState,
    scopeId: string,
    name: string,
    value: TypedValue,
    options: { sourceScopeId?: string; initial?: boolean } = {},
  ): void {
    const variables = this.variablesOf(pi, scopeId);
    const existing = variables[name];
    const source = options.sourceScopeId ?? scopeId;
    if (existing) {
      existing.value = value;
      this.recordVariable(pi, scopeId, existing, 'update', source, false);
    } else {
      const created: VariableRec = { id: this.newId(), name, value, createTime: this.now() };
      variables[name] = created;
      this.recordVariable(pi, scopeId, created, 'create', source, options.initial ?? false);
    }
  }

  /**
   * `execution.setVariable`: updates the variable where it is visible from, or creates it on the
   * process instance (Camunda's `AbstractVariableScope.setVariable`).
   */
  setVariable(pi: ProcessInstanceState, scopeId: string, name: string, value: TypedValue): void {
    let current: string | null = scopeId;
    while (current !== null) {
      if (this.variablesOf(pi, current)[name]) {
        this.setVariableLocal(pi, current, name, value, { sourceScopeId: scopeId });
        return;
      }
      current = this.parentScope(pi, current);
    }
    this.setVariableLocal(pi, pi.id, name, value, { sourceScopeId: scopeId });
  }

  /** `removeVariableLocal`: the variable goes; history marks it deleted. */
  removeVariableLocal(pi: ProcessInstanceState, scopeId: string, name: string): boolean {
    const variables = this.variablesOf(pi, scopeId);
    const existing = variables[name];
    if (!existing) {
      return false;
    }
    delete variables[name];
    this.recordVariable(pi, scopeId, existing, 'delete', scopeId, false);
    return true;
  }

  /**
   * Tells history about a variable write, with the ids Camunda's DefaultHistoryEventProducer puts
   * on it: the execution and activity instance of the scope holding the variable, and the activity
   * instance of the execution that wrote it.
   */
  private recordVariable(
    pi: ProcessInstanceState,
    scopeId: string,
    variable: VariableRec,
    event: 'create' | 'update' | 'delete',
    sourceScopeId: string,
    initial: boolean,
  ): void {
    const definition = this.definitionOf(pi);
    const ti = pi.transitionInstances[scopeId];
    const source = pi.transitionInstances[sourceScopeId]?.parentId ?? sourceScopeId;
    this.ctx.recordVariable({
      event,
      id: variable.id,
      name: variable.name,
      value: variable.value,
      processDefinitionKey: definition.key,
      processDefinitionId: definition.id,
      processInstanceId: pi.id,
      executionId: ti ? ti.id : (pi.activityInstances[scopeId]?.executionId ?? scopeId),
      activityInstanceId: ti ? ti.parentId : scopeId,
      taskId: null,
      tenantId: pi.tenantId,
      createTime: variable.createTime,
      rootProcessInstanceId: pi.rootProcessInstanceId,
      sourceActivityInstanceId: source,
      initial,
      time: this.now(),
      newDetailId: () => this.newId(),
    });
  }

  /** All variables visible from a scope, inner ones shadowing outer ones. */
  visibleVariables(pi: ProcessInstanceState, scopeId: string): Record<string, VariableRec> {
    const chain: string[] = [];
    let current: string | null = scopeId;
    while (current !== null) {
      chain.push(current);
      current = this.parentScope(pi, current);
    }
    const result: Record<string, VariableRec> = {};
    for (const id of chain.reverse()) {
      Object.assign(result, this.variablesOf(pi, id));
    }
    return result;
  }

  expressionContext(
    pi: ProcessInstanceState,
    scopeId: string,
    extraBeans: Record<string, unknown> = {},
  ): ExpressionContext {
    return {
      hasVariable: (name) => this.findVariable(pi, scopeId, name) !== undefined,
      getVariable: (name) => {
        const found = this.findVariable(pi, scopeId, name);
        return found ? toPlainValue(found.value) : null;
      },
      beans: { execution: this.executionBean(pi, scopeId), ...extraBeans },
    };
  }

  evaluate(
    pi: ProcessInstanceState,
    scopeId: string,
    text: string,
    extraBeans?: Record<string, unknown>,
  ): unknown {
    return evaluateExpression(text, this.expressionContext(pi, scopeId, extraBeans));
  }

  /** The `execution` object expressions and delegate expressions receive (DelegateExecution). */
  executionBean(
    pi: ProcessInstanceState,
    scopeId: string,
    eventName?: string,
  ): Record<string, unknown> {
    const ai = pi.activityInstances[scopeId];
    const ti = pi.transitionInstances[scopeId];
    const activityId = ai
      ? ai.parentId === null
        ? null
        : ai.activityId
      : (ti?.activityId ?? null);
    const executionId = ai ? ai.executionId : scopeId;
    return {
      id: executionId,
      processInstanceId: pi.id,
      processBusinessKey: pi.businessKey,
      businessKey: pi.businessKey,
      processDefinitionId: pi.processDefinitionId,
      activityInstanceId: ai?.id ?? null,
      currentActivityId: activityId,
      activityId,
      eventName: eventName ?? null,
      getId: () => executionId,
      getProcessInstanceId: () => pi.id,
      getProcessBusinessKey: () => pi.businessKey,
      getBusinessKey: () => pi.businessKey,
      getProcessDefinitionId: () => pi.processDefinitionId,
      getActivityInstanceId: () => ai?.id ?? null,
      getCurrentActivityId: () => activityId,
      getActivityId: () => activityId,
      getEventName: () => eventName ?? null,
      getVariable: (name: string) => {
        const found = this.findVariable(pi, scopeId, name);
        return found ? toPlainValue(found.value) : null;
      },
      getVariableLocal: (name: string) => {
        const found = this.variablesOf(pi, scopeId)[name];
        return found ? toPlainValue(found.value) : null;
      },
      hasVariable: (name: string) => this.findVariable(pi, scopeId, name) !== undefined,
      hasVariableLocal: (name: string) => this.variablesOf(pi, scopeId)[name] !== undefined,
      getVariables: () =>
        Object.fromEntries(
          Object.entries(this.visibleVariables(pi, scopeId)).map(([k, v]) => [
            k,
            toPlainValue(v.value),
          ]),
        ),
      setVariable: (name: string, value: unknown) => {
        this.setVariable(pi, scopeId, name, toTypedValue(value));
      },
      setVariableLocal: (name: string, value: unknown) => {
        this.setVariableLocal(pi, scopeId, name, toTypedValue(value));
      },
      removeVariable: (name: string) => {
        let current: string | null = scopeId;
        while (current !== null) {
          if (this.removeVariableLocal(pi, current, name)) {
            return;
          }
          current = this.parentScope(pi, current);
        }
      },
    };
  }

  // ---------------------------------------------------------------- listeners and io mappings

  invokeListeners(
    pi: ProcessInstanceState,
    scopeId: string,
    listeners: ListenerDefinition[],
    event: string,
  ): void {
    if (this.ctx.skipCustomListeners) {
      return;
    }
    for (const listener of listeners) {
      if (listener.event !== event) {
        continue;
      }
      this.runDelegate(
        pi,
        scopeId,
        listener,
        this.executionBean(pi, scopeId, event),
        'ExecutionListener',
      );
    }
  }

  private runDelegate(
    pi: ProcessInstanceState,
    scopeId: string,
    listener: { expression?: string; delegateExpression?: string },
    argument: unknown,
    interfaceName: string,
    extraBeans: Record<string, unknown> = {},
  ): void {
    if (listener.expression) {
      this.evaluate(pi, scopeId, listener.expression, { ...extraBeans, execution: argument });
      return;
    }
    if (listener.delegateExpression) {
      const delegate = this.evaluate(pi, scopeId, listener.delegateExpression, extraBeans);
      invokeDelegate(delegate, argument, listener.delegateExpression, interfaceName);
    }
  }

  private runInputMappings(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    if (this.ctx.skipIoMappings || activity.inputParameters.length === 0) {
      return;
    }
    for (const parameter of activity.inputParameters) {
      // Camunda evaluates input parameters in the outer scope and sets them locally.
      const value = this.parameterValue(pi, ai.parentId ?? ai.id, parameter.value);
      this.setVariableLocal(pi, ai.id, parameter.name, toTypedValue(value));
    }
  }

  private runOutputMappings(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    if (this.ctx.skipIoMappings || activity.outputParameters.length === 0 || ai.parentId === null) {
      return;
    }
    for (const parameter of activity.outputParameters) {
      const value = this.parameterValue(pi, ai.id, parameter.value);
      this.setVariable(pi, ai.parentId, parameter.name, toTypedValue(value));
    }
  }

  private parameterValue(pi: ProcessInstanceState, scopeId: string, text: string | null): unknown {
    if (text === null) {
      return null;
    }
    return isExpression(text) ? this.evaluate(pi, scopeId, text) : text;
  }

  // ---------------------------------------------------------------- creating tokens

  createActivityInstance(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    const ai: ActivityInstanceRec = {
      id: `${activityId}:${this.newId()}`,
      activityId,
      parentId,
      executionId: this.newId(),
      seq: this.ctx.nextSeq(),
      startTime: this.now(),
      variables: {},
      calledProcessInstanceId: null,
      joinWaiting: false,
    };
    this.putActivityInstance(pi, ai);
    const activity = this.model(pi).activities[innerActivityId(activityId)];
    const definition = this.definitionOf(pi);
    this.ctx.putHistoricActivityInstance({
      id: ai.id,
      parentActivityInstanceId: parentId,
      activityId,
      activityName: activity?.name ?? null,
      activityType: isBodyId(activityId)
        ? 'multiInstanceBody'
        : (activity?.activityType ?? 'unknown'),
      processDefinitionKey: definition.key,
      processDefinitionId: definition.id,
      processInstanceId: pi.id,
      executionId: ai.executionId,
      taskId: null,
      calledProcessInstanceId: null,
      assignee: null,
      startTime: ai.startTime,
      endTime: null,
      canceled: false,
      completeScope: false,
      tenantId: pi.tenantId,
      rootProcessInstanceId: pi.rootProcessInstanceId,
      seq: ai.seq,
    });
    return ai;
  }

  createTransitionInstance(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
    kind: 'before' | 'after',
    variables: Record<string, TypedValue> = {},
    transitionId: string | null = null,
  ): TransitionInstanceRec {
    const ti: TransitionInstanceRec = {
      id: this.newId(),
      activityId,
      parentId,
      seq: this.ctx.nextSeq(),
      kind,
      transitionId,
      variables: {},
      startTime: this.now(),
    };
    pi.transitionInstances[ti.id] = ti;
    for (const [name, value] of Object.entries(variables)) {
      this.setVariableLocal(pi, ti.id, name, value);
    }
    this.createJob(pi, {
      handlerType: 'async-continuation',
      handlerConfiguration: kind === 'before' ? 'async-before' : 'async-after',
      executionId: ti.id,
      activityInstanceId: ti.id,
      activityId,
      dueDate: null,
    });
    return ti;
  }

  createJob(
    pi: ProcessInstanceState,
    fields: {
      handlerType: JobHandlerType;
      handlerConfiguration: string;
      executionId: string;
      activityInstanceId: string;
      activityId: string;
      dueDate: number | null;
      repeat?: string | null;
    },
  ): JobRec {
    const definition = this.definitionOf(pi);
    const jobDefinition = this.findJobDefinition(
      definition.id,
      fields.activityId,
      fields.handlerType,
      fields.handlerConfiguration,
    );
    const job: JobRec = {
      id: this.newId(),
      jobDefinitionId: jobDefinition?.id ?? null,
      handlerType: fields.handlerType,
      handlerConfiguration: fields.handlerConfiguration,
      processInstanceId: pi.id,
      executionId: fields.executionId,
      activityInstanceId: fields.activityInstanceId,
      processDefinitionId: definition.id,
      processDefinitionKey: definition.key,
      deploymentId: definition.deploymentId,
      activityId: fields.activityId,
      retries: DEFAULT_JOB_RETRIES,
      exceptionMessage: null,
      stacktrace: null,
      failedActivityId: null,
      dueDate: fields.dueDate,
      repeat: fields.repeat ?? null,
      suspended: pi.suspended || (jobDefinition?.suspended ?? false),
      priority: jobDefinition?.overridingJobPriority ?? 0,
      tenantId: pi.tenantId,
      createTime: this.now(),
      batchId: null,
      seq: this.ctx.nextSeq(),
    };
    pi.jobs[job.id] = job;
    return job;
  }

  private findJobDefinition(
    processDefinitionId: string,
    activityId: string,
    handlerType: JobHandlerType,
    configuration: string,
  ) {
    for (const definition of this.ctx.jobDefinitions().values()) {
      if (
        definition.processDefinitionId === processDefinitionId &&
        definition.activityId === activityId &&
        definition.jobType === handlerType &&
        (handlerType !== 'async-continuation' || definition.jobConfiguration === configuration)
      ) {
        return definition;
      }
    }
    return undefined;
  }

  private createSubscription(
    pi: ProcessInstanceState,
    owner: ActivityInstanceRec,
    activityId: string,
    eventType: EventSubscriptionRec['eventType'],
    eventName: string | null,
  ): void {
    const subscription: EventSubscriptionRec = {
      id: this.newId(),
      eventType,
      eventName,
      processInstanceId: pi.id,
      executionId: owner.executionId,
      activityInstanceId: owner.id,
      activityId,
      processDefinitionId: pi.processDefinitionId,
      createdDate: this.now(),
      tenantId: pi.tenantId,
    };
    pi.eventSubscriptions[subscription.id] = subscription;
  }

  /** Due date of a timer event definition, evaluated in the owner's scope. */
  timerDueDate(
    pi: ProcessInstanceState,
    scopeId: string,
    timer: { kind: 'duration' | 'date' | 'cycle'; expression: string },
  ): { dueDate: number; repeat: string | null } {
    const raw = isExpression(timer.expression)
      ? this.evaluate(pi, scopeId, timer.expression)
      : timer.expression;
    if (raw instanceof Date) {
      return { dueDate: raw.getTime(), repeat: null };
    }
    const text = String(raw);
    switch (timer.kind) {
      case 'duration':
        return { dueDate: addDuration(this.now(), text), repeat: null };
      case 'date':
        return { dueDate: parseDate(text), repeat: null };
      case 'cycle': {
        const step = nextCycle(this.now(), text);
        return { dueDate: step.dueDate, repeat: step.next };
      }
    }
  }

  /** Creates what waits for an event on `owner` for the catching element `catcher`. */
  private subscribe(
    pi: ProcessInstanceState,
    owner: ActivityInstanceRec,
    catcher: Activity,
    handlerType: JobHandlerType,
  ): void {
    const definition = catcher.eventDefinition;
    switch (definition.kind) {
      case 'timer': {
        const { dueDate, repeat } = this.timerDueDate(pi, owner.id, definition.timer);
        this.createJob(pi, {
          handlerType,
          handlerConfiguration: catcher.id,
          executionId: owner.executionId,
          activityInstanceId: owner.id,
          activityId: catcher.id,
          dueDate,
          repeat,
        });
        return;
      }
      case 'message':
        this.createSubscription(pi, owner, catcher.id, 'message', definition.messageName);
        return;
      case 'signal':
        this.createSubscription(pi, owner, catcher.id, 'signal', definition.signalName);
        return;
      case 'conditional':
        this.createSubscription(pi, owner, catcher.id, 'conditional', null);
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------- entering activities

  /** A token arrives at `activityId` inside the scope instance `scopeId`. */
  enter(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables: Record<string, TypedValue> = {},
  ): void {
    const activity = this.activity(pi, activityId);
    if (activity.multiInstance && !isBodyId(activityId) && !this.isInnerOfBody(pi, scopeId)) {
      this.enter(pi, scopeId, `${activityId}${MI_BODY_SUFFIX}`, localVariables);
      return;
    }
    if (isBodyId(activityId)) {
      if (activity.asyncBefore) {
        this.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
      } else {
        this.executeBody(pi, scopeId, activity, localVariables);
      }
      return;
    }
    const asyncBefore = activity.multiInstance
      ? (activity.innerAsyncBefore ?? false)
      : activity.asyncBefore;
    if (asyncBefore) {
      this.createTransitionInstance(pi, scopeId, activityId, 'before', localVariables);
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
      this.executeBody(pi, scopeId, this.activity(pi, activityId), localVariables, carried);
      return;
    }
    const ai = this.createActivityInstance(pi, scopeId, activityId);
    Object.assign(ai.variables, carried);
    for (const [name, value] of Object.entries(localVariables)) {
      this.setVariableLocal(pi, ai.id, name, value);
    }
    this.startActivity(pi, ai);
  }

  /** Scope entry (input mappings, start listeners, subscriptions) followed by the behaviour. */
  startActivity(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    const activity = this.activity(pi, ai.activityId);
    this.enterScope(pi, ai, activity);
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    this.behave(pi, ai, activity);
  }

  /** What creating an activity instance does before its behaviour runs (also for missing scopes). */
  enterScope(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    this.runInputMappings(pi, ai, activity);
    this.invokeListeners(pi, ai.id, activity.listeners, 'start');
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    if (!activity.multiInstance || isBodyId(ai.activityId)) {
      this.createBoundaryEvents(pi, ai, activity);
    }
    if (activity.isContainer) {
      this.createEventSubProcessSubscriptions(pi, ai, activity.eventSubProcessIds);
    }
  }

  /** Missing scopes are created without running their start event (contract §4.3). */
  enterScopeOnly(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    const ai = this.createActivityInstance(pi, parentId, activityId);
    if (isBodyId(activityId)) {
      return ai;
    }
    this.enterScope(pi, ai, this.activity(pi, activityId));
    return ai;
  }

  private createBoundaryEvents(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const model = this.model(pi);
    for (const boundaryId of activity.boundaryEventIds) {
      const boundary = model.activities[boundaryId];
      if (boundary) {
        this.subscribe(pi, ai, boundary, 'timer-transition');
      }
    }
  }

  createEventSubProcessSubscriptions(
    pi: ProcessInstanceState,
    scope: ActivityInstanceRec,
    eventSubProcessIds: string[],
  ): void {
    for (const start of this.eventSubProcessStarts(pi, eventSubProcessIds)) {
      this.subscribe(pi, scope, start, 'timer-start-event-subprocess');
    }
  }

  private eventSubProcessStarts(
    pi: ProcessInstanceState,
    eventSubProcessIds: string[],
  ): Activity[] {
    const model = this.model(pi);
    const starts: Activity[] = [];
    for (const id of eventSubProcessIds) {
      const start = this.startEventOf(model, id);
      if (start) {
        starts.push(start);
      }
    }
    return starts;
  }

  startEventOf(model: ProcessModel, containerId: string): Activity | undefined {
    const container = model.activities[containerId];
    if (!container) {
      return undefined;
    }
    const ids = container.startEventIds.length > 0 ? container.startEventIds : container.childIds;
    for (const id of ids) {
      const child = model.activities[id];
      if (child?.kind === 'startEvent') {
        return child;
      }
    }
    return undefined;
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
          this.createSubscription(
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
    const start = this.startEventOf(this.model(pi), activity.id);
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
      const result = this.evaluate(pi, ai.id, service.expression);
      if (service.resultVariable) {
        this.setVariable(pi, ai.id, service.resultVariable, toTypedValue(result));
      }
    } else if (service.kind === 'delegateExpression' && service.expression) {
      const delegate = this.evaluate(pi, ai.id, service.expression);
      invokeDelegate(delegate, this.executionBean(pi, ai.id), service.expression, 'JavaDelegate');
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
          ? nullableString(this.evaluate(pi, ai.id, value))
          : value;
    const list = (value: string | null): string[] =>
      (text(value) ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    const task: TaskRec = {
      id: this.newId(),
      name: activity.name === null ? null : text(activity.name),
      description: activity.documentation,
      assignee: text(activity.assignee),
      owner: null,
      created: this.now(),
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
    this.invokeTaskListeners(pi, ai, activity, task, 'create');
    if (task.assignee !== null && pi.tasks[task.id]) {
      this.invokeTaskListeners(pi, ai, activity, task, 'assignment');
    }
  }

  invokeTaskListeners(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
    task: TaskRec,
    event: string,
  ): void {
    if (this.ctx.skipCustomListeners) {
      return;
    }
    for (const listener of activity.taskListeners) {
      if (listener.event === event) {
        const bean = this.taskBean(pi, ai, task, event);
        this.runDelegate(pi, ai.id, listener, bean, 'TaskListener', { task: bean });
      }
    }
  }

  private taskBean(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    task: TaskRec,
    event: string,
  ): Record<string, unknown> {
    return {
      ...task,
      eventName: event,
      execution: this.executionBean(pi, ai.id),
      getId: () => task.id,
      getName: () => task.name,
      getAssignee: () => task.assignee,
      setAssignee: (assignee: string | null) => {
        task.assignee = assignee;
      },
      getTaskDefinitionKey: () => task.taskDefinitionKey,
      getEventName: () => event,
      getProcessInstanceId: () => pi.id,
      getExecution: () => this.executionBean(pi, ai.id),
      getVariable: (name: string) => {
        const found = task.variables[name] ?? this.findVariable(pi, ai.id, name);
        return found ? toPlainValue(found.value) : null;
      },
      setVariable: (name: string, value: unknown) => {
        this.setVariable(pi, ai.id, name, toTypedValue(value));
      },
    };
  }

  // ---------------------------------------------------------------- gateways

  /** Camunda evaluates outgoing conditions in definition order; the default flow comes last. */
  private chooseExclusiveFlow(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): string {
    const model = this.model(pi);
    for (const flowId of activity.outgoing) {
      const flow = model.sequenceFlows[flowId];
      if (!flow || flowId === activity.defaultFlow) {
        continue;
      }
      if (flow.condition === null || this.isTrue(pi, ai.id, flow.condition)) {
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
    const model = this.model(pi);
    const chosen = activity.outgoing.filter((flowId) => {
      const flow = model.sequenceFlows[flowId];
      return (
        flow !== undefined &&
        flowId !== activity.defaultFlow &&
        (flow.condition === null || this.isTrue(pi, ai.id, flow.condition))
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
    const model = this.model(pi);
    const chosen = activity.outgoing.filter((flowId) => {
      const flow = model.sequenceFlows[flowId];
      return (
        flow !== undefined &&
        flowId !== activity.defaultFlow &&
        (flow.condition === null || this.isTrue(pi, scopeId, flow.condition))
      );
    });
    if (chosen.length === 0 && activity.defaultFlow) {
      return [activity.defaultFlow];
    }
    return chosen;
  }

  private isTrue(pi: ProcessInstanceState, scopeId: string, condition: string): boolean {
    const value = this.evaluate(pi, scopeId, condition);
    if (typeof value === 'boolean') {
      return value;
    }
    if (typeof value === 'string') {
      return value.trim().toLowerCase() === 'true';
    }
    if (value === null || value === undefined) {
      return false;
    }
    throw new ProcessEngineException(
      `condition expression returns non-Boolean: ${JSON.stringify(value)} (${typeof value})`,
    );
  }

  private join(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
    needed: number,
  ): void {
    ai.joinWaiting = true;
    const waiting = this.childInstances(pi, ai.parentId ?? pi.id).filter(
      (other) => other.activityId === activity.id && other.joinWaiting,
    );
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
        this.removeActivityInstance(pi, other, false);
      }
    }
    ai.joinWaiting = false;
    const activity = this.activity(pi, ai.activityId);
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
    const waiting = this.childInstances(pi, scopeId).filter(
      (other) => other.activityId === activity.id && other.joinWaiting,
    );
    const first = waiting[0];
    if (!first) {
      return;
    }
    const others = [
      ...this.childInstances(pi, scopeId).filter(
        (other) => !(other.activityId === activity.id && other.joinWaiting),
      ),
      ...this.childTransitions(pi, scopeId),
    ];
    if (others.some((token) => this.canReach(pi, token.activityId, activity.id))) {
      return;
    }
    this.fireJoin(pi, first, waiting);
  }

  private canReach(pi: ProcessInstanceState, fromId: string, toId: string): boolean {
    const model = this.model(pi);
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
    const model = this.model(pi);
    for (const flowId of activity.outgoing) {
      const target = model.activities[model.sequenceFlows[flowId]?.targetRef ?? ''];
      if (target) {
        this.subscribe(pi, ai, target, 'timer-intermediate-transition');
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
    const model = this.model(pi);
    const flowId = this.activity(pi, gateway.activityId).outgoing.find(
      (id) => model.sequenceFlows[id]?.targetRef === eventId,
    );
    this.invokeListeners(pi, gateway.id, this.activity(pi, gateway.activityId).listeners, 'end');
    this.removeActivityInstance(pi, gateway, false);
    if (flowId) {
      this.invokeFlowListeners(pi, parentId, flowId);
    }
    const eventInstance = this.createActivityInstance(pi, parentId, eventId);
    this.applyEventVariables(pi, eventInstance.id, variables);
    const event = this.activity(pi, eventId);
    this.enterScope(pi, eventInstance, event);
    if (pi.activityInstances[eventInstance.id]) {
      this.leave(pi, eventInstance);
    }
  }

  private applyEventVariables(
    pi: ProcessInstanceState,
    scopeId: string,
    variables: Record<string, TypedValue>,
  ): void {
    for (const [name, value] of Object.entries(variables)) {
      this.setVariable(pi, scopeId, name, value);
    }
  }

  // ---------------------------------------------------------------- events

  private waitForEvent(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const definition = activity.eventDefinition;
    if (definition.kind === 'conditional') {
      if (this.isTrue(pi, ai.id, definition.condition)) {
        this.leave(pi, ai);
        return;
      }
    }
    if (definition.kind === 'none') {
      this.leave(pi, ai);
      return;
    }
    this.subscribe(pi, ai, activity, 'timer-intermediate-transition');
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
    this.invokeListeners(pi, ai.id, this.activity(pi, ai.activityId).listeners, 'end');
    this.removeActivityInstance(pi, ai, false);
    for (const child of this.childInstances(pi, scopeId)) {
      this.cancelActivityInstance(pi, child);
    }
    for (const ti of this.childTransitions(pi, scopeId)) {
      this.removeTransitionInstance(pi, ti);
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
    this.invokeListeners(pi, thrower.id, this.activity(pi, thrower.activityId).listeners, 'end');
    this.removeActivityInstance(pi, thrower, false);
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
    const model = this.model(pi);
    let scope: ActivityInstanceRec | undefined = pi.activityInstances[fromScopeId];
    while (scope) {
      const isRoot = scope.parentId === null;
      if (!isBodyId(scope.activityId)) {
        const espIds = isRoot
          ? model.eventSubProcessIds
          : this.activity(pi, scope.activityId).eventSubProcessIds;
        for (const start of this.eventSubProcessStarts(pi, espIds)) {
          if (matchesCode(start, kind, code)) {
            this.triggerEventSubProcess(pi, scope, start.id, {});
            return true;
          }
        }
      }
      if (!isRoot && !this.isInnerOfBody(pi, scope.parentId)) {
        const activity = this.activity(pi, scope.activityId);
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
        const activity = this.activity(caller, callActivity.activityId);
        for (const boundaryId of activity.boundaryEventIds) {
          const boundary = this.model(caller).activities[boundaryId];
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
    const boundary = this.activity(pi, boundaryId);
    const parentId = owner.parentId ?? pi.id;
    if (boundary.interrupting) {
      this.cancelActivityInstance(pi, owner);
    }
    this.applyEventVariables(pi, parentId, variables);
    this.execute(pi, parentId, boundaryId);
  }

  /** An event subprocess start event fires in `scope`; interrupting ones cancel the scope's content. */
  triggerEventSubProcess(
    pi: ProcessInstanceState,
    scope: ActivityInstanceRec,
    startEventId: string,
    variables: Record<string, TypedValue>,
  ): void {
    const start = this.activity(pi, startEventId);
    if (start.interrupting) {
      this.interruptScope(pi, scope);
    }
    this.applyEventVariables(pi, scope.id, variables);
    const esp = this.enterScopeOnly(pi, scope.id, start.parentId);
    if (pi.activityInstances[esp.id]) {
      this.execute(pi, esp.id, start.id);
    }
  }

  /** Cancels everything inside a scope instance, as an interrupting event subprocess does. */
  interruptScope(pi: ProcessInstanceState, scope: ActivityInstanceRec): void {
    for (const child of this.childInstances(pi, scope.id)) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.childTransitions(pi, scope.id)) {
      this.removeTransitionInstance(pi, ti);
    }
    for (const subscription of Object.values(pi.eventSubscriptions)) {
      if (subscription.activityInstanceId === scope.id) {
        delete pi.eventSubscriptions[subscription.id];
      }
    }
    for (const job of Object.values(pi.jobs)) {
      if (job.activityInstanceId === scope.id) {
        this.deleteJob(pi, job.id);
      }
    }
  }

  // ---------------------------------------------------------------- leaving activities

  /** The activity completes normally and its token moves on. */
  leave(pi: ProcessInstanceState, ai: ActivityInstanceRec, flows?: string[]): void {
    const activity = this.activity(pi, ai.activityId);
    const parentId = ai.parentId ?? pi.id;
    const innerOfBody = this.isInnerOfBody(pi, ai.parentId);
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
    this.runOutputMappings(pi, ai, activity);
    this.invokeListeners(pi, ai.id, activity.listeners, 'end');
    if (!pi.activityInstances[ai.id]) {
      return;
    }
    this.removeActivityInstance(pi, ai, false);
    if (innerOfBody) {
      const innerAsyncAfter = activity.innerAsyncAfter ?? false;
      if (innerAsyncAfter) {
        this.createTransitionInstance(pi, parentId, activity.id, 'after');
        return;
      }
      this.innerCompleted(pi, parentId, completionConditionMet);
      return;
    }
    const asyncAfter = activity.multiInstance ? false : activity.asyncAfter;
    if (asyncAfter) {
      this.createTransitionInstance(
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
    const flow = this.model(pi).sequenceFlows[flowId];
    if (!flow) {
      throw new ProcessEngineException(`Sequence flow '${flowId}' does not exist`);
    }
    this.invokeFlowListeners(pi, scopeId, flowId);
    this.enter(pi, scopeId, flow.targetRef, localVariables);
  }

  private invokeFlowListeners(pi: ProcessInstanceState, scopeId: string, flowId: string): void {
    const flow = this.model(pi).sequenceFlows[flowId];
    if (flow && flow.listeners.length > 0) {
      this.invokeListeners(pi, scopeId, flow.listeners, 'take');
    }
  }

  /** A scope instance without tokens completes: the root ends, a subprocess leaves. */
  scopeMaybeComplete(pi: ProcessInstanceState, scopeId: string): void {
    if ((this.ctx.pendingTokens.get(scopeId) ?? 0) > 0) {
      return;
    }
    const scope = pi.activityInstances[scopeId];
    if (!scope || this.hasTokens(pi, scopeId)) {
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
    for (const waiting of this.childInstances(pi, scopeId)) {
      const activity = this.model(pi).activities[waiting.activityId];
      if (waiting.joinWaiting && activity?.kind === 'inclusiveGateway') {
        this.tryInclusiveJoin(pi, scopeId, activity);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- multi-instance

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
    const body = this.createActivityInstance(pi, scopeId, `${activity.id}${MI_BODY_SUFFIX}`);
    Object.assign(body.variables, carried);
    for (const [name, value] of Object.entries(localVariables)) {
      this.setVariableLocal(pi, body.id, name, value);
    }
    this.createBoundaryEvents(pi, body, activity);
    const collection = this.loopCollection(pi, body.id, activity);
    let count: number;
    if (loop.loopCardinality !== null) {
      const raw = isExpression(loop.loopCardinality)
        ? this.evaluate(pi, body.id, loop.loopCardinality)
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
    this.setVariableLocal(pi, body.id, 'nrOfInstances', integer(count));
    this.setVariableLocal(pi, body.id, 'nrOfCompletedInstances', integer(0));
    this.setVariableLocal(
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
      ? this.evaluate(pi, scopeId, source)
      : this.expressionContext(pi, scopeId).getVariable(source);
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
      return this.createTransitionInstance(pi, body.id, activity.id, 'before', variables).id;
    }
    const inner = this.createActivityInstance(pi, body.id, activity.id);
    for (const [name, value] of Object.entries(variables)) {
      this.setVariableLocal(pi, inner.id, name, value);
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
    return condition ? this.isTrue(pi, scopeId, condition) : false;
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
    this.setVariableLocal(
      pi,
      body.id,
      'nrOfCompletedInstances',
      integer(this.bodyCounter(pi, body, 'nrOfCompletedInstances') + 1),
    );
    this.setVariableLocal(
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
    const activity = this.activity(pi, body.activityId);
    const integer = (value: number): TypedValue => ({ type: 'Integer', value, valueInfo: {} });
    const completed = this.bodyCounter(pi, body, 'nrOfCompletedInstances');
    if (completionConditionMet) {
      for (const child of this.childInstances(pi, body.id)) {
        this.cancelActivityInstance(pi, child);
      }
      for (const ti of this.childTransitions(pi, body.id)) {
        this.removeTransitionInstance(pi, ti);
      }
      this.leaveBody(pi, body);
      return;
    }
    if (activity.multiInstance?.sequential) {
      if (completed < this.bodyCounter(pi, body, 'nrOfInstances')) {
        this.setVariableLocal(pi, body.id, 'nrOfActiveInstances', integer(1));
        this.createInner(pi, body, activity, completed, this.loopCollection(pi, body.id, activity));
        return;
      }
      this.leaveBody(pi, body);
      return;
    }
    if (!this.hasTokens(pi, body.id)) {
      this.leaveBody(pi, body);
    }
  }

  private leaveBody(pi: ProcessInstanceState, body: ActivityInstanceRec): void {
    const activity = this.activity(pi, body.activityId);
    const parentId = body.parentId ?? pi.id;
    const flows = activity.asyncAfter ? [] : this.outgoingFlows(pi, body.id, activity);
    this.removeActivityInstance(pi, body, false);
    if (activity.asyncAfter) {
      this.createTransitionInstance(pi, parentId, body.activityId, 'after');
      return;
    }
    this.takeFlows(pi, parentId, flows);
  }

  // ---------------------------------------------------------------- call activities

  private startCalledInstance(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const rawKey = activity.calledElement ?? '';
    const key = isExpression(rawKey) ? String(this.evaluate(pi, ai.id, rawKey)) : rawKey;
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
        businessKey = nullableString(this.evaluate(pi, ai.id, mapping.businessKey));
      } else if (mapping.all) {
        for (const [name, variable] of Object.entries(this.visibleVariables(pi, ai.id))) {
          variables[name] = structuredClone(variable.value);
        }
      } else if (mapping.target) {
        if (mapping.sourceExpression) {
          variables[mapping.target] = toTypedValue(
            this.evaluate(pi, ai.id, mapping.sourceExpression),
          );
        } else if (mapping.source) {
          const found = this.findVariable(pi, ai.id, mapping.source);
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
    const activity = this.activity(caller, callActivity.activityId);
    const subVariables = this.visibleVariables(sub, sub.id);
    for (const mapping of activity.callOut) {
      if (mapping.all) {
        for (const [name, variable] of Object.entries(subVariables)) {
          this.setVariable(caller, callActivity.id, name, structuredClone(variable.value));
        }
      } else if (mapping.target) {
        if (mapping.sourceExpression) {
          this.setVariable(
            caller,
            callActivity.id,
            mapping.target,
            toTypedValue(this.evaluate(sub, sub.id, mapping.sourceExpression)),
          );
        } else if (mapping.source) {
          const found = subVariables[mapping.source];
          this.setVariable(
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

  // ---------------------------------------------------------------- cancellation

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
      if (parentId === null || this.hasTokens(pi, parentId, current)) {
        break;
      }
      current = parentId;
    }
    const ai = pi.activityInstances[current];
    if (ai && ai.parentId === null) {
      for (const child of this.childInstances(pi, ai.id)) {
        if (pi.activityInstances[child.id]) {
          this.cancelActivityInstance(pi, child);
        }
      }
      for (const ti of this.childTransitions(pi, ai.id)) {
        this.removeTransitionInstance(pi, ti);
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
      this.removeTransitionInstance(pi, ti);
    }
  }

  /** Ends a process instance whose root has no tokens left (outside modifications). */
  finishIfEmpty(pi: ProcessInstanceState, reason: 'completed' | 'cancelled'): void {
    if (this.ctx.isEnded(pi.id) || this.hasTokens(pi, pi.id) || this.ctx.preserved.has(pi.id)) {
      if (this.ctx.preserved.has(pi.id) && !this.hasTokens(pi, pi.id)) {
        this.ctx.rootEmptied.set(pi.id, reason);
      }
      return;
    }
    this.endProcessInstance(pi, reason);
  }

  /** Cancels an activity instance and everything below it; end listeners and output mappings run. */
  cancelActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    for (const child of this.childInstances(pi, ai.id).reverse()) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.childTransitions(pi, ai.id)) {
      this.removeTransitionInstance(pi, ti);
    }
    if (ai.calledProcessInstanceId) {
      const sub = this.ctx.instance(ai.calledProcessInstanceId);
      if (sub) {
        this.ctx.cancellingFromCaller.add(sub.id);
        this.deleteProcessInstance(sub, 'Cancellation due to process instance modifcation', true);
      }
    }
    if (ai.parentId !== null) {
      const activity = this.activity(pi, ai.activityId);
      if (!isBodyId(ai.activityId)) {
        this.runOutputMappings(pi, ai, activity);
        this.invokeListeners(pi, ai.id, activity.listeners, 'end');
      }
    }
    if (pi.activityInstances[ai.id]) {
      this.removeActivityInstance(pi, ai, true);
    }
  }

  removeTransitionInstance(pi: ProcessInstanceState, ti: TransitionInstanceRec): void {
    for (const job of Object.values(pi.jobs)) {
      if (job.executionId === ti.id) {
        this.deleteJob(pi, job.id);
      }
    }
    delete pi.transitionInstances[ti.id];
  }

  deleteJob(pi: ProcessInstanceState, jobId: string): void {
    delete pi.jobs[jobId];
    for (const incident of Object.values(pi.incidents)) {
      if (incident.configuration === jobId) {
        delete pi.incidents[incident.id];
      }
    }
  }

  private putActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    pi.activityInstances[ai.id] = ai;
    const index = this.activityIndexes.get(pi.activityInstances);
    if (index) {
      addToIndex(index, ai);
    }
  }

  /** Removes an activity instance with its task, subscriptions and jobs, and closes its history. */
  removeActivityInstance(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    canceled: boolean,
  ): void {
    for (const task of Object.values(pi.tasks)) {
      if (task.activityInstanceId === ai.id) {
        delete pi.tasks[task.id];
      }
    }
    for (const subscription of Object.values(pi.eventSubscriptions)) {
      if (subscription.activityInstanceId === ai.id) {
        delete pi.eventSubscriptions[subscription.id];
      }
    }
    for (const job of Object.values(pi.jobs)) {
      if (job.activityInstanceId === ai.id) {
        this.deleteJob(pi, job.id);
      }
    }
    delete pi.activityInstances[ai.id];
    this.activityIndexes.get(pi.activityInstances)?.get(ai.activityId)?.delete(ai.id);
    const historic = this.ctx.historicActivityInstance(ai.id);
    if (historic) {
      historic.endTime = this.now();
      historic.canceled = canceled;
    }
  }

  // ---------------------------------------------------------------- process instances

  startProcessInstance(
    definition: ProcessDefinitionRec,
    options: StartOptions,
  ): ProcessInstanceState {
    if (definition.suspended) {
      throw new ProcessEngineException(
        `Cannot start process instance. Process definition ${definition.name ?? definition.key} (id = ${definition.id}) is suspended`,
      );
    }
    const id = this.newId();
    const now = this.now();
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
    this.putActivityInstance(pi, root);
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
      this.setVariableLocal(pi, id, name, value, { initial: true });
    }
    this.invokeListeners(pi, id, model.listeners, 'start');
    this.createEventSubProcessSubscriptions(pi, root, model.eventSubProcessIds);
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
    const root = this.root(pi);
    if (reason === 'completed') {
      this.invokeListeners(pi, root.id, this.model(pi).listeners, 'end');
    }
    for (const subscription of Object.values(pi.eventSubscriptions)) {
      delete pi.eventSubscriptions[subscription.id];
    }
    for (const job of Object.values(pi.jobs)) {
      this.deleteJob(pi, job.id);
    }
    this.ctx.endInstance(pi.id);
    const historic = this.ctx.historicProcessInstance(pi.id);
    if (historic) {
      historic.endTime = this.now();
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
    const root = this.root(pi);
    for (const child of this.childInstances(pi, root.id).reverse()) {
      if (pi.activityInstances[child.id]) {
        this.cancelActivityInstance(pi, child);
      }
    }
    for (const ti of this.childTransitions(pi, root.id)) {
      this.removeTransitionInstance(pi, ti);
    }
    this.invokeListeners(pi, root.id, this.model(pi).listeners, 'end');
    this.endProcessInstance(pi, 'cancelled', deleteReason);
  }

  // ---------------------------------------------------------------- jobs

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
    this.deleteJob(pi, job.id);
    switch (job.handlerType) {
      case 'async-continuation':
        this.continueAsync(pi, job);
        return;
      case 'timer-transition': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        this.rescheduleCycle(pi, job);
        this.triggerBoundaryEvent(pi, owner, job.activityId, {});
        return;
      }
      case 'timer-intermediate-transition': {
        const owner = pi.activityInstances[job.activityInstanceId ?? ''];
        if (!owner || !job.activityId) {
          return;
        }
        if (this.activity(pi, owner.activityId).kind === 'eventBasedGateway') {
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
        this.rescheduleCycle(pi, job);
        this.triggerEventSubProcess(pi, owner, job.activityId, {});
        return;
      }
      default:
        throw new ProcessEngineException(
          `Job handler '${job.handlerType}' cannot run on a process instance`,
        );
    }
  }

  private rescheduleCycle(pi: ProcessInstanceState, job: JobRec): void {
    if (!job.repeat) {
      return;
    }
    const step = nextCycle(this.now(), job.repeat);
    pi.jobs[job.id] = {
      ...job,
      dueDate: step.dueDate,
      repeat: step.next,
      retries: DEFAULT_JOB_RETRIES,
      exceptionMessage: null,
      stacktrace: null,
      seq: this.ctx.nextSeq(),
    };
  }

  private continueAsync(pi: ProcessInstanceState, job: JobRec): void {
    const ti = pi.transitionInstances[job.executionId ?? ''];
    if (!ti) {
      throw new ProcessEngineException(`Transition instance of job '${job.id}' does not exist`);
    }
    delete pi.transitionInstances[ti.id];
    const innerOfBody = this.isInnerOfBody(pi, ti.parentId);
    if (ti.kind === 'before') {
      if (innerOfBody) {
        const inner = this.createActivityInstance(pi, ti.parentId, ti.activityId);
        Object.assign(inner.variables, ti.variables);
        this.startActivity(pi, inner);
        return;
      }
      this.execute(pi, ti.parentId, ti.activityId, {}, ti.variables);
      return;
    }
    if (innerOfBody) {
      const activity = this.activity(pi, ti.activityId);
      this.countInnerCompletion(pi, ti.parentId);
      this.innerCompleted(pi, ti.parentId, this.completionConditionMet(pi, ti.parentId, activity));
      return;
    }
    const activity = this.activity(pi, ti.activityId);
    const flows = ti.transitionId
      ? [ti.transitionId]
      : this.outgoingFlows(pi, ti.parentId, activity);
    this.takeFlows(pi, ti.parentId, flows);
  }

  // ---------------------------------------------------------------- signals

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
    const catcher = this.activity(pi, subscription.activityId);
    const ownerActivity =
      owner.parentId === null ? null : this.model(pi).activities[innerActivityId(owner.activityId)];
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
      this.applyEventVariables(pi, owner.id, variables);
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

/** Calls what a delegate expression resolved to: a function, or an object with notify/execute. */
function invokeDelegate(
  delegate: unknown,
  argument: unknown,
  expression: string,
  interfaceName: string,
): void {
  if (typeof delegate === 'function') {
    (delegate as (arg: unknown) => unknown)(argument);
    return;
  }
  if (delegate !== null && typeof delegate === 'object') {
    for (const method of ['notify', 'execute']) {
      const candidate = (delegate as Record<string, unknown>)[method];
      if (typeof candidate === 'function') {
        (candidate as (arg: unknown) => unknown).call(delegate, argument);
        return;
      }
    }
  }
  throw new ProcessEngineException(
    `Delegate expression ${expression} did not resolve to an implementation of interface org.camunda.bpm.engine.delegate.${interfaceName}`,
  );
}
