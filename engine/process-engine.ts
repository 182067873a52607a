/**
 * The embedded Camunda 7-compatible engine. Every command runs on a `CommandContext` and is
 * committed only when it succeeds, so a failed command changes nothing (Camunda's transaction).
 */
import type {
  ActivityInstanceTree,
  CorrelateInput,
  CorrelationResult,
  DeleteInstanceOptions,
  DeployInput,
  DeployResult,
  EngineApi,
  EventAuthorization,
  ModificationOptions,
  StartInput,
  VariableView,
} from './engine-api';
import type { ModificationInstruction } from './modification/modification-instruction';
import {
  AuthorizationService,
  type AuthorizationOperation,
} from './authorization/authorization-service';
import { IdentityService, type LoginThrottling } from './authorization/identity-service';
import { Resources } from './authorization/resources';
import {
  BadUserRequestException,
  MismatchingMessageCorrelationException,
  NotFoundException,
  NullValueException,
  ProcessEngineException,
} from './errors';
import {
  batchStatistics,
  executeModification,
  executeModificationAsync,
  executeModificationInTurns,
  logEntry,
  logInstanceModification,
  modifyProcessInstanceAsync,
  removeBatch,
  runBatchJob,
  setBatchSuspended,
  setJobRetriesAsync,
  setRetries,
  type BatchHost,
  type BatchStatistics,
  type ManyInstancesModification,
} from './batch/modification-batch';
import {
  modifyProcessInstance,
  modifyProcessInstanceInTurns,
} from './modification/modify-process-instance';
import { parseBpmn } from './model/parse-bpmn';
import type { ProcessModel } from './model/process-model';
import { buildActivityInstanceTree } from './runtime/activity-instance-tree';
import { CommandContext, type CommandOptions, type CommitEffects } from './runtime/command-context';
import type { HistoryLevel } from './runtime/history-level';
import { createStore, type EngineStore } from './runtime/engine-store';
import { DEFAULT_JOB_RETRIES, Runtime } from './runtime/runtime';
import { TURN_MS, Turns } from './runtime/turns';
import type {
  BatchRec,
  DeploymentRec,
  HistoricBatchRec,
  EventSubscriptionRec,
  HistoricActivityInstanceRec,
  HistoricIncidentRec,
  HistoricProcessInstanceRec,
  HistoricVariableInstanceRec,
  HistoricVariableUpdateRec,
  IncidentRec,
  JobDefinitionRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  UserOperationLogRec,
  VariableRec,
} from './runtime/state';
import { nextCycle, addDuration, parseDate } from './runtime/timer';
import type { TypedValue } from './variables';

export interface ProcessEngineOptions {
  clock?: () => number;
  idGenerator?: () => string;
  /** Camunda's `historyLevel` configuration; default `full`, as Camunda Run's. */
  historyLevel?: HistoryLevel;
  /**
   * Camunda's `enforceHistoryTimeToLive` (true in a stock 7.20+ engine): refuse to deploy a
   * process without `camunda:historyTimeToLive`. Default false, as Camunda's own test setup has it.
   */
  enforceHistoryTimeToLive?: boolean;
  /**
   * Camunda's `authorizationEnabled`. Default true: the server serves users with authorizations;
   * false checks nothing and filters no query, as `--no-authorization` runs it.
   */
  authorizationEnabled?: boolean;
  /**
   * Ids of authorizations, apart from `idGenerator` so that the users and authorizations a server
   * starts with do not shift the ids of what the engine runs.
   */
  authorizationIdGenerator?: () => string;
  /** Login throttling of the identity service; default Camunda's settings. */
  loginThrottling?: LoginThrottling;
  /**
   * How long a command that works in turns (`modifyProcessInstanceInTurns`) works before other
   * work runs; default `TURN_MS`. Tests take 0: a turn after every instruction.
   */
  turnMs?: number;
}

/**
 * BpmnDeployer.BPMN_RESOURCE_SUFFIXES, checked with `String.endsWith` (AbstractDefinitionDeployer
 * .isResourceHandled): only these resources are parsed; any other is stored as it is.
 */
const BPMN_RESOURCE_SUFFIXES = ['bpmn20.xml', 'bpmn'];

function isBpmnResource(name: string): boolean {
  return BPMN_RESOURCE_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

function startCommandOptions(input: StartInput): CommandOptions {
  return {
    skipCustomListeners: input.skipCustomListeners,
    skipIoMappings: input.skipIoMappings,
    userId: input.userId,
  };
}

/** With start instructions, the instance starts where they say, not at its start event. */
function startOptions(input: StartInput, instructions: readonly ModificationInstruction[]) {
  return {
    businessKey: input.businessKey,
    variables: input.variables,
    noStart: instructions.length > 0,
    startUserId: input.userId ?? null,
  };
}

function modificationCommandOptions(options: ModificationOptions): CommandOptions {
  return {
    skipCustomListeners: options.skipCustomListeners,
    skipIoMappings: options.skipIoMappings,
    userId: options.userId,
  };
}

export class ProcessEngine implements EngineApi {
  private readonly store: EngineStore = createStore();
  private readonly clock: () => number;
  private readonly newId: () => string;
  readonly historyLevel: HistoryLevel;
  private readonly enforceHistoryTimeToLive: boolean;
  private readonly turnMs: number;
  readonly identityService: IdentityService;
  readonly authorizationService: AuthorizationService;

  constructor(options: ProcessEngineOptions = {}) {
    this.clock = options.clock ?? (() => Date.now());
    this.newId = options.idGenerator ?? (() => globalThis.crypto.randomUUID());
    this.historyLevel = options.historyLevel ?? 'full';
    this.enforceHistoryTimeToLive = options.enforceHistoryTimeToLive ?? false;
    this.turnMs = options.turnMs ?? TURN_MS;
    this.identityService = new IdentityService(this.clock, options.loginThrottling);
    this.authorizationService = new AuthorizationService(
      options.authorizationEnabled ?? true,
      options.authorizationIdGenerator ?? (() => globalThis.crypto.randomUUID()),
      (operation) => {
        this.logAuthorizationOperation(operation);
      },
    );
  }

  now(): number {
    return this.clock();
  }

  /** `UserOperationLogManager.logAuthorizationOperation`: category Admin, one operation id. */
  private logAuthorizationOperation(operation: AuthorizationOperation): void {
    this.run({ userId: operation.userId }, (rt) => {
      const operationId = this.newId();
      for (const change of operation.changes) {
        rt.ctx.log(
          logEntry(this.batchHost, {
            operationId,
            userId: operation.userId,
            operationType: operation.operationType,
            entityType: 'Authorization',
            category: 'Admin',
            ...change,
          }),
        );
      }
    });
  }

  private readonly batchHost: BatchHost = {
    run: (options, command) => this.run(options, command),
    runInTurns: (options, command) => this.runInTurns(options, command),
    clock: () => this.clock(),
    newId: () => this.newId(),
    definition: (id) => this.store.definitions.get(id),
    job: (id) => this.job(id),
  };

  /** Runs a command; commits on success, drops every change on failure. */
  private run<T>(options: CommandOptions, command: (rt: Runtime) => T): T {
    const ctx = new CommandContext(this.store, {
      historyLevel: this.historyLevel,
      clock: this.clock,
      ...options,
    });
    const rt = new Runtime(ctx, { clock: this.clock, newId: this.newId });
    const result = command(rt);
    rt.deliverSignals((name) => this.signalStarts(name));
    this.afterCommit(ctx.commit());
    return result;
  }

  /** The default authorizations Camunda's providers give and take as instances and tasks come and go. */
  private afterCommit(effects: CommitEffects): void {
    const authorizations = this.authorizationService;
    for (const id of effects.endedInstanceIds) {
      authorizations.deleteAuthorizationsByResourceId(Resources.PROCESS_INSTANCE, id);
    }
    for (const id of effects.endedTaskIds) {
      authorizations.deleteAuthorizationsByResourceId(Resources.TASK, id);
    }
    for (const task of effects.createdTasks) {
      for (const userId of task.candidateUsers) {
        authorizations.grantTaskToIdentity(task.id, { userId });
      }
      for (const groupId of task.candidateGroups) {
        authorizations.grantTaskToIdentity(task.id, { groupId });
      }
    }
    for (const { taskId, assignee } of effects.assignments) {
      authorizations.grantTaskToIdentity(taskId, { userId: assignee });
    }
  }

  /**
   * Runs a command that lets other commands run meanwhile (engine/runtime/turns.ts). Its commit
   * fails with OptimisticLockingException if one of them changed what this one copied.
   */
  private async runInTurns<T>(
    options: CommandOptions,
    command: (rt: Runtime, turns: Turns) => Promise<T>,
  ): Promise<T> {
    const ctx = new CommandContext(this.store, {
      historyLevel: this.historyLevel,
      clock: this.clock,
      ...options,
    });
    const rt = new Runtime(ctx, { clock: this.clock, newId: this.newId });
    const result = await command(rt, new Turns(this.turnMs));
    rt.deliverSignals((name) => this.signalStarts(name));
    this.afterCommit(ctx.commit());
    return result;
  }

  // ------------------------------------------------------------------ deployments

  async deploy(input: DeployInput): Promise<DeployResult> {
    const parsed: { resourceName: string; xml: string; models: ProcessModel[] }[] = [];
    for (const resource of input.resources) {
      if (isBpmnResource(resource.name)) {
        const definitions = await parseBpmn(resource.content, resource.name, {
          enforceHistoryTimeToLive: this.enforceHistoryTimeToLive,
        });
        parsed.push({
          resourceName: resource.name,
          xml: resource.content,
          models: definitions.processes,
        });
      }
    }
    if (input.enableDuplicateFiltering && input.name) {
      const duplicate = this.findDuplicateDeployment(input);
      if (duplicate) {
        return { deployment: duplicate, definitions: [] };
      }
    }
    const deployment: DeploymentRec = {
      id: this.newId(),
      name: input.name ?? null,
      source: input.source ?? null,
      tenantId: input.tenantId ?? null,
      deploymentTime: this.clock(),
      resources: input.resources.map((resource) => ({ id: this.newId(), ...resource })),
    };
    const created: ProcessDefinitionRec[] = [];
    this.run({}, (rt) => {
      for (const resource of parsed) {
        for (const model of resource.models) {
          if (!model.isExecutable) {
            continue;
          }
          const previous = this.latestDefinition(model.key, input.tenantId ?? null);
          const version = (previous?.version ?? 0) + 1;
          const definition: ProcessDefinitionRec = {
            id: `${model.key}:${String(version)}:${this.newId()}`,
            key: model.key,
            name: model.name,
            version,
            versionTag: model.versionTag,
            deploymentId: deployment.id,
            resourceName: resource.resourceName,
            historyTimeToLive: model.historyTimeToLive,
            suspended: false,
            tenantId: input.tenantId ?? null,
            category: 'http://bpmn.io/schema/bpmn',
            model,
          };
          this.store.definitions.set(definition.id, definition);
          this.store.definitionXml.set(definition.id, resource.xml);
          this.createJobDefinitions(rt.ctx, definition);
          this.replaceStartEventTriggers(rt.ctx, definition, previous);
          created.push(definition);
        }
      }
    });
    this.store.deployments.set(deployment.id, deployment);
    return { deployment, definitions: created };
  }

  private findDuplicateDeployment(input: DeployInput): DeploymentRec | undefined {
    const candidates = [...this.store.deployments.values()]
      .filter(
        (deployment) =>
          deployment.name === input.name && deployment.tenantId === (input.tenantId ?? null),
      )
      .sort((a, b) => b.deploymentTime - a.deploymentTime);
    const latest = candidates[0];
    if (!latest) {
      return undefined;
    }
    const same =
      latest.resources.length === input.resources.length &&
      input.resources.every((resource) =>
        latest.resources.some(
          (existing) => existing.name === resource.name && existing.content === resource.content,
        ),
      );
    return same ? latest : undefined;
  }

  /** Camunda creates job definitions at deployment for async continuations and timers. */
  private createJobDefinitions(ctx: CommandContext, definition: ProcessDefinitionRec): void {
    const add = (activityId: string, jobType: string, jobConfiguration: string): void => {
      const id = this.newId();
      ctx.jobDefinitions().set(id, {
        id,
        processDefinitionId: definition.id,
        processDefinitionKey: definition.key,
        deploymentId: definition.deploymentId,
        activityId,
        jobType,
        jobConfiguration,
        suspended: false,
        overridingJobPriority: null,
        tenantId: definition.tenantId,
      });
    };
    const model = definition.model;
    for (const activity of Object.values(model.activities)) {
      const bodyId = `${activity.id}#multiInstanceBody`;
      if (activity.multiInstance) {
        if (activity.asyncBefore) {
          add(bodyId, 'async-continuation', 'async-before');
        }
        if (activity.asyncAfter) {
          add(bodyId, 'async-continuation', 'async-after');
        }
        if (activity.innerAsyncBefore) {
          add(activity.id, 'async-continuation', 'async-before');
        }
        if (activity.innerAsyncAfter) {
          add(activity.id, 'async-continuation', 'async-after');
        }
      } else {
        if (activity.asyncBefore) {
          add(activity.id, 'async-continuation', 'async-before');
        }
        if (activity.asyncAfter) {
          add(activity.id, 'async-continuation', 'async-after');
        }
      }
      if (activity.eventDefinition.kind === 'timer') {
        const parent = model.activities[activity.parentId];
        const jobType =
          activity.kind === 'boundaryEvent'
            ? 'timer-transition'
            : activity.kind === 'startEvent'
              ? parent?.triggeredByEvent
                ? 'timer-start-event-subprocess'
                : 'timer-start-event'
              : 'timer-intermediate-transition';
        add(activity.id, jobType, activity.id);
      }
    }
  }

  /** A new version takes over the timer and message/signal start events of the previous one. */
  private replaceStartEventTriggers(
    ctx: CommandContext,
    definition: ProcessDefinitionRec,
    previous: ProcessDefinitionRec | undefined,
  ): void {
    const jobs = ctx.globalJobs();
    const subscriptions = ctx.globalSubscriptions();
    if (previous) {
      for (const job of [...jobs.values()]) {
        if (job.processDefinitionId === previous.id && job.handlerType === 'timer-start-event') {
          jobs.delete(job.id);
        }
      }
      for (const subscription of [...subscriptions.values()]) {
        if (subscription.processDefinitionId === previous.id) {
          subscriptions.delete(subscription.id);
        }
      }
    }
    const model = definition.model;
    for (const startId of model.startEventIds) {
      const start = model.activities[startId];
      if (!start) {
        continue;
      }
      const event = start.eventDefinition;
      if (event.kind === 'timer') {
        const jobDefinition = [...ctx.jobDefinitions().values()].find(
          (candidate) =>
            candidate.processDefinitionId === definition.id && candidate.activityId === startId,
        );
        const due = this.startTimerDue(event.timer.kind, event.timer.expression);
        const job: JobRec = {
          id: this.newId(),
          jobDefinitionId: jobDefinition?.id ?? null,
          handlerType: 'timer-start-event',
          handlerConfiguration: startId,
          processInstanceId: null,
          executionId: null,
          activityInstanceId: null,
          processDefinitionId: definition.id,
          processDefinitionKey: definition.key,
          deploymentId: definition.deploymentId,
          activityId: startId,
          retries: DEFAULT_JOB_RETRIES,
          exceptionMessage: null,
          stacktrace: null,
          failedActivityId: null,
          dueDate: due.dueDate,
          repeat: due.repeat,
          suspended: false,
          priority: 0,
          tenantId: definition.tenantId,
          createTime: this.clock(),
          batchId: null,
          seq: ctx.nextSeq(),
        };
        jobs.set(job.id, job);
      } else if (event.kind === 'message' || event.kind === 'signal') {
        const id = this.newId();
        subscriptions.set(id, {
          id,
          eventType: event.kind,
          eventName: event.kind === 'message' ? event.messageName : event.signalName,
          processInstanceId: null,
          executionId: null,
          activityInstanceId: null,
          activityId: startId,
          processDefinitionId: definition.id,
          createdDate: this.clock(),
          tenantId: definition.tenantId,
        });
      }
    }
  }

  private startTimerDue(
    kind: 'duration' | 'date' | 'cycle',
    expression: string,
  ): { dueDate: number; repeat: string | null } {
    switch (kind) {
      case 'duration':
        return { dueDate: addDuration(this.clock(), expression), repeat: null };
      case 'date':
        return { dueDate: parseDate(expression), repeat: null };
      case 'cycle': {
        const step = nextCycle(this.clock(), expression);
        return { dueDate: step.dueDate, repeat: step.next };
      }
    }
  }

  deleteDeployment(
    id: string,
    options: { cascade?: boolean; skipCustomListeners?: boolean; skipIoMappings?: boolean },
  ): void {
    const deployment = this.store.deployments.get(id);
    if (!deployment) {
      throw new NotFoundException(`Deployment with id '${id}' does not exist: deployment is null`);
    }
    const definitionIds = new Set(
      [...this.store.definitions.values()].filter((d) => d.deploymentId === id).map((d) => d.id),
    );
    const running = [...this.store.instances.values()].filter((pi) =>
      definitionIds.has(pi.processDefinitionId),
    );
    if (running.length > 0 && !options.cascade) {
      throw new ProcessEngineException(
        `Deletion of process definition without cascading failed. There are ${String(running.length)} running process instances`,
      );
    }
    this.run(
      { skipCustomListeners: options.skipCustomListeners, skipIoMappings: options.skipIoMappings },
      (rt) => {
        for (const pi of running) {
          const working = rt.ctx.instance(pi.id);
          if (working) {
            rt.deleteProcessInstance(working, 'Deleted deployment with id ' + id);
          }
        }
        const jobs = rt.ctx.globalJobs();
        for (const job of [...jobs.values()]) {
          if (job.processDefinitionId !== null && definitionIds.has(job.processDefinitionId)) {
            jobs.delete(job.id);
          }
        }
        const subscriptions = rt.ctx.globalSubscriptions();
        for (const subscription of [...subscriptions.values()]) {
          if (definitionIds.has(subscription.processDefinitionId)) {
            subscriptions.delete(subscription.id);
          }
        }
        const jobDefinitions = rt.ctx.jobDefinitions();
        for (const jobDefinition of [...jobDefinitions.values()]) {
          if (
            jobDefinition.processDefinitionId !== null &&
            definitionIds.has(jobDefinition.processDefinitionId)
          ) {
            jobDefinitions.delete(jobDefinition.id);
          }
        }
      },
    );
    const removedDefinitions = [...definitionIds].map((definitionId) =>
      this.store.definitions.get(definitionId),
    );
    for (const definitionId of definitionIds) {
      this.store.definitions.delete(definitionId);
      this.store.definitionXml.delete(definitionId);
    }
    if (options.cascade) {
      for (const [historicId, historic] of this.store.historicProcessInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.store.historicProcessInstances.delete(historicId);
        }
      }
      for (const [historicId, historic] of this.store.historicActivityInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.store.historicActivityInstances.delete(historicId);
        }
      }
      for (const [historicId, historic] of this.store.historicVariableInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.store.historicVariableInstances.delete(historicId);
        }
      }
      this.store.historicDetails = this.store.historicDetails.filter(
        (detail) => !definitionIds.has(detail.processDefinitionId),
      );
      for (const [historicId, historic] of this.store.historicIncidents) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.store.historicIncidents.delete(historicId);
        }
      }
    }
    this.store.deployments.delete(id);
    // The previous version of each key becomes the latest again and takes back its start triggers.
    this.run({}, (rt) => {
      for (const removed of removedDefinitions) {
        if (!removed) {
          continue;
        }
        const latest = this.latestDefinition(removed.key, removed.tenantId);
        if (latest && latest.version < removed.version) {
          this.replaceStartEventTriggers(rt.ctx, latest, undefined);
        }
      }
    });
  }

  deployments(): Iterable<DeploymentRec> {
    return this.store.deployments.values();
  }

  deployment(id: string): DeploymentRec | undefined {
    return this.store.deployments.get(id);
  }

  definitions(): Iterable<ProcessDefinitionRec> {
    return this.store.definitions.values();
  }

  definition(id: string): ProcessDefinitionRec | undefined {
    return this.store.definitions.get(id);
  }

  latestDefinition(key: string, tenantId: string | null = null): ProcessDefinitionRec | undefined {
    let latest: ProcessDefinitionRec | undefined;
    for (const definition of this.store.definitions.values()) {
      if (definition.key === key && (tenantId === null || definition.tenantId === tenantId)) {
        if (!latest || definition.version > latest.version) {
          latest = definition;
        }
      }
    }
    return latest;
  }

  definitionXml(id: string): string | undefined {
    return this.store.definitionXml.get(id);
  }

  setDefinitionSuspended(id: string, suspended: boolean): void {
    const definition = this.store.definitions.get(id);
    if (!definition) {
      throw new NotFoundException(`Process definition with id '${id}' does not exist`);
    }
    definition.suspended = suspended;
  }

  // ------------------------------------------------------------------ process instances

  startProcessInstance(
    definitionId: string,
    input: StartInput,
  ):
    | ProcessInstanceState
    | { id: string; ended: true; processDefinitionId: string; businessKey: string | null } {
    const definition = this.store.definitions.get(definitionId);
    if (!definition) {
      throw new NotFoundException(`no deployed process definition found with id '${definitionId}'`);
    }
    const instructions = input.startInstructions ?? [];
    const id = this.run(startCommandOptions(input), (rt) => {
      const pi = rt.startProcessInstance(definition, startOptions(input, instructions));
      if (instructions.length > 0) {
        modifyProcessInstance(rt, pi, instructions);
      }
      return pi.id;
    });
    return this.startedInstance(id, definition, input);
  }

  /** `startProcessInstance` for a request: other requests are answered between start instructions. */
  async startProcessInstanceInTurns(
    definitionId: string,
    input: StartInput,
  ): Promise<ReturnType<ProcessEngine['startProcessInstance']>> {
    const definition = this.store.definitions.get(definitionId);
    if (!definition) {
      throw new NotFoundException(`no deployed process definition found with id '${definitionId}'`);
    }
    const instructions = input.startInstructions ?? [];
    const id = await this.runInTurns(startCommandOptions(input), async (rt, turns) => {
      const pi = rt.startProcessInstance(definition, startOptions(input, instructions));
      if (instructions.length > 0) {
        await modifyProcessInstanceInTurns(rt, pi, instructions, turns);
      }
      return pi.id;
    });
    return this.startedInstance(id, definition, input);
  }

  private startedInstance(id: string, definition: ProcessDefinitionRec, input: StartInput) {
    return (
      this.store.instances.get(id) ?? {
        id,
        ended: true as const,
        processDefinitionId: definition.id,
        businessKey: input.businessKey ?? null,
      }
    );
  }

  deleteProcessInstance(id: string, options: DeleteInstanceOptions): void {
    if (!this.store.instances.has(id)) {
      throw new NotFoundException(`No process instance found for id '${id}'`);
    }
    this.run(
      {
        skipCustomListeners: options.skipCustomListeners,
        skipIoMappings: options.skipIoMappings,
        userId: options.userId,
      },
      (rt) => {
        const pi = rt.ctx.instance(id);
        if (!pi) {
          return;
        }
        const definition = rt.definitionOf(pi);
        rt.deleteProcessInstance(pi, options.deleteReason ?? null);
        if (options.userId) {
          rt.ctx.log(
            logEntry(this.batchHost, {
              operationId: this.newId(),
              userId: options.userId,
              operationType: 'Delete',
              entityType: 'ProcessInstance',
              deploymentId: definition.deploymentId,
              processDefinitionId: definition.id,
              processDefinitionKey: definition.key,
              processInstanceId: id,
              rootProcessInstanceId: pi.rootProcessInstanceId,
            }),
          );
        }
      },
    );
  }

  modifyProcessInstance(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): void {
    this.run(modificationCommandOptions(options), (rt) => {
      const pi = this.instanceToModify(rt, id, options);
      modifyProcessInstance(rt, pi, instructions);
      logInstanceModification(this.batchHost, rt.ctx, rt.definitionOf(pi), pi, options);
    });
  }

  async modifyProcessInstanceInTurns(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): Promise<void> {
    await this.runInTurns(modificationCommandOptions(options), async (rt, turns) => {
      const pi = this.instanceToModify(rt, id, options);
      await modifyProcessInstanceInTurns(rt, pi, instructions, turns);
      logInstanceModification(this.batchHost, rt.ctx, rt.definitionOf(pi), pi, options);
    });
  }

  private instanceToModify(
    rt: Runtime,
    id: string,
    options: ModificationOptions,
  ): ProcessInstanceState {
    const pi = rt.ctx.instance(id);
    if (!pi) {
      throw new ProcessEngineException(
        `ENGINE-13036 Process instance '${id}' cannot be modified. The process instance does not exist`,
      );
    }
    options.authorize?.(pi);
    return pi;
  }

  instances(): Iterable<ProcessInstanceState> {
    return this.store.instances.values();
  }

  instance(id: string): ProcessInstanceState | undefined {
    return this.store.instances.get(id);
  }

  instancesVersion(): object {
    return this.store.instances.version;
  }

  activityInstanceTree(id: string): ActivityInstanceTree | undefined {
    const pi = this.store.instances.get(id);
    const definition = pi ? this.store.definitions.get(pi.processDefinitionId) : undefined;
    return pi && definition ? buildActivityInstanceTree(pi, definition) : undefined;
  }

  setProcessInstanceSuspended(id: string, suspended: boolean): void {
    if (!this.store.instances.has(id)) {
      throw new NotFoundException(`No process instance found for id '${id}'`);
    }
    this.run({}, (rt) => {
      const pi = rt.ctx.instance(id);
      if (!pi) {
        return;
      }
      pi.suspended = suspended;
      for (const task of Object.values(pi.tasks)) {
        task.suspended = suspended;
      }
      for (const job of Object.values(pi.jobs)) {
        job.suspended = suspended;
      }
      const historic = rt.ctx.historicProcessInstance(id);
      if (historic) {
        historic.state = suspended ? 'SUSPENDED' : 'ACTIVE';
      }
    });
  }

  // ------------------------------------------------------------------ messages and signals

  correlateMessage(input: CorrelateInput): CorrelationResult[] {
    return this.run({}, (rt) => {
      const matches: { pi: ProcessInstanceState; subscription: EventSubscriptionRec }[] = [];
      if (!input.startMessagesOnly) {
        for (const id of [...rt.ctx.instanceIds()]) {
          const peeked = rt.ctx.peek(id);
          if (!peeked || (input.processInstanceId && peeked.id !== input.processInstanceId)) {
            continue;
          }
          if (input.businessKey && peeked.businessKey !== input.businessKey) {
            continue;
          }
          if (
            input.processDefinitionId &&
            peeked.processDefinitionId !== input.processDefinitionId
          ) {
            continue;
          }
          const subscriptions = Object.values(peeked.eventSubscriptions).filter(
            (s) => s.eventType === 'message' && s.eventName === input.messageName,
          );
          if (subscriptions.length === 0 || !this.correlationKeysMatch(peeked, input)) {
            continue;
          }
          const pi = rt.ctx.instance(id);
          if (!pi) {
            continue;
          }
          for (const subscription of subscriptions) {
            if (this.localKeysMatch(rt, pi, subscription, input)) {
              matches.push({ pi, subscription });
            }
          }
        }
      }
      const starts =
        input.processInstanceId || matches.length > 0
          ? []
          : [...this.store.globalSubscriptions.values()].filter(
              (s) =>
                s.eventType === 'message' &&
                s.eventName === input.messageName &&
                (!input.processDefinitionId || s.processDefinitionId === input.processDefinitionId),
            );
      const total = matches.length + starts.length;
      if (total === 0) {
        throw new MismatchingMessageCorrelationException(
          `Cannot correlate message '${input.messageName}': No process definition or execution matches the parameters`,
        );
      }
      if (total > 1 && !input.all) {
        throw new MismatchingMessageCorrelationException(
          `Cannot correlate a message with name '${input.messageName}' to a single execution. ${String(total)} executions match the correlation keys: ${JSON.stringify(input.correlationKeys ?? {})}`,
        );
      }
      const results: CorrelationResult[] = [];
      for (const match of matches) {
        if (!match.pi.eventSubscriptions[match.subscription.id]) {
          continue;
        }
        input.authorize?.instance(match.pi);
        for (const [name, value] of Object.entries(input.processVariablesLocal ?? {})) {
          const owner = match.pi.activityInstances[match.subscription.activityInstanceId ?? ''];
          if (owner) {
            rt.setVariableLocal(match.pi, owner.id, name, value);
          }
        }
        rt.triggerSubscription(match.pi, match.subscription, input.processVariables ?? {});
        results.push({
          resultType: 'Execution',
          processInstanceId: match.pi.id,
          executionId: match.subscription.executionId,
        });
      }
      for (const start of starts) {
        const definition = this.store.definitions.get(start.processDefinitionId);
        if (!definition) {
          continue;
        }
        input.authorize?.start(definition);
        const pi = rt.startProcessInstance(definition, {
          businessKey: input.businessKey ?? null,
          variables: input.processVariables,
          startEventId: start.activityId,
        });
        results.push({
          resultType: 'ProcessDefinition',
          processInstanceId: pi.id,
          executionId: null,
        });
      }
      return results;
    });
  }

  private correlationKeysMatch(pi: ProcessInstanceState, input: CorrelateInput): boolean {
    const root = pi.activityInstances[pi.id];
    for (const [name, expected] of Object.entries(input.correlationKeys ?? {})) {
      const actual = root?.variables[name];
      if (!actual || !sameValue(actual.value, expected)) {
        return false;
      }
    }
    return true;
  }

  private localKeysMatch(
    rt: Runtime,
    pi: ProcessInstanceState,
    subscription: EventSubscriptionRec,
    input: CorrelateInput,
  ): boolean {
    const owner = subscription.activityInstanceId;
    for (const [name, expected] of Object.entries(input.localCorrelationKeys ?? {})) {
      const actual = owner ? pi.activityInstances[owner]?.variables[name] : undefined;
      if (!actual || !sameValue(actual.value, expected)) {
        return false;
      }
    }
    return true;
  }

  throwSignal(
    name: string,
    variables: Record<string, TypedValue>,
    authorize?: EventAuthorization,
  ): void {
    // SignalEventReceivedCmd checks every catching instance and start event before delivering.
    if (authorize) {
      for (const pi of this.store.instances.values()) {
        if (
          Object.values(pi.eventSubscriptions).some(
            (s) => s.eventType === 'signal' && s.eventName === name,
          )
        ) {
          authorize.instance(pi);
        }
      }
      for (const start of this.signalStarts(name)) {
        authorize.start(start.definition);
      }
    }
    this.run({}, (rt) => {
      rt.pendingSignals.push({ name, variables });
    });
  }

  private signalStarts(name: string): { definition: ProcessDefinitionRec; startEventId: string }[] {
    const starts: { definition: ProcessDefinitionRec; startEventId: string }[] = [];
    for (const subscription of this.store.globalSubscriptions.values()) {
      if (subscription.eventType === 'signal' && subscription.eventName === name) {
        const definition = this.store.definitions.get(subscription.processDefinitionId);
        if (definition) {
          starts.push({ definition, startEventId: subscription.activityId });
        }
      }
    }
    return starts;
  }

  // ------------------------------------------------------------------ variables

  localVariables(executionId: string): Record<string, VariableRec> | undefined {
    const piId = this.store.executionIndex.get(executionId);
    const pi = piId ? this.store.instances.get(piId) : this.store.instances.get(executionId);
    if (!pi) {
      return undefined;
    }
    const ai = Object.values(pi.activityInstances).find(
      (candidate) => candidate.executionId === executionId,
    );
    return ai?.variables ?? pi.transitionInstances[executionId]?.variables;
  }

  processVariables(processInstanceId: string): Record<string, VariableRec> | undefined {
    return this.store.instances.get(processInstanceId)?.activityInstances[processInstanceId]
      ?.variables;
  }

  taskVariables(taskId: string): Record<string, VariableRec> | undefined {
    const piId = this.store.taskIndex.get(taskId);
    const pi = piId ? this.store.instances.get(piId) : undefined;
    const task = pi?.tasks[taskId];
    if (!pi || !task) {
      return undefined;
    }
    const result: Record<string, VariableRec> = {};
    const chain: Record<string, VariableRec>[] = [task.variables];
    let current: string | null = task.activityInstanceId;
    while (current !== null) {
      const ai: ProcessInstanceState['activityInstances'][string] | undefined =
        pi.activityInstances[current];
      if (!ai) {
        break;
      }
      chain.push(ai.variables);
      current = ai.parentId;
    }
    for (const variables of chain.reverse()) {
      Object.assign(result, variables);
    }
    return result;
  }

  setProcessVariables(
    processInstanceId: string,
    variables: Record<string, TypedValue>,
    deletions: string[] = [],
  ): void {
    if (!this.store.instances.has(processInstanceId)) {
      throw new NotFoundException(`No process instance found for id '${processInstanceId}'`);
    }
    this.run({}, (rt) => {
      const pi = rt.ctx.instance(processInstanceId);
      const root = pi?.activityInstances[processInstanceId];
      if (!pi || !root) {
        return;
      }
      for (const [name, value] of Object.entries(variables)) {
        rt.setVariableLocal(pi, root.id, name, value);
      }
      for (const name of deletions) {
        rt.removeVariableLocal(pi, root.id, name);
      }
    });
  }

  *variableInstances(): Iterable<VariableView> {
    for (const pi of this.store.instances.values()) {
      for (const ai of Object.values(pi.activityInstances)) {
        for (const variable of Object.values(ai.variables)) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: ai.executionId,
            activityInstanceId: ai.id,
            processDefinitionId: pi.processDefinitionId,
            taskId: null,
          };
        }
      }
      for (const ti of Object.values(pi.transitionInstances)) {
        for (const variable of Object.values(ti.variables)) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: ti.id,
            activityInstanceId: ti.parentId,
            processDefinitionId: pi.processDefinitionId,
            taskId: null,
          };
        }
      }
      for (const task of Object.values(pi.tasks)) {
        for (const variable of Object.values(task.variables)) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: task.executionId,
            activityInstanceId: task.activityInstanceId,
            processDefinitionId: pi.processDefinitionId,
            taskId: task.id,
          };
        }
      }
    }
  }

  // ------------------------------------------------------------------ tasks

  *tasks(): Iterable<TaskRec> {
    for (const pi of this.store.instances.values()) {
      yield* Object.values(pi.tasks);
    }
  }

  task(id: string): TaskRec | undefined {
    const piId = this.store.taskIndex.get(id);
    return piId ? this.store.instances.get(piId)?.tasks[id] : undefined;
  }

  completeTask(
    id: string,
    variables: Record<string, TypedValue>,
    userId: string | null = null,
  ): void {
    const piId = this.store.taskIndex.get(id);
    if (!piId) {
      throw new NullValueException(`Cannot find task with id ${id}: task is null`);
    }
    this.run({ userId }, (rt) => {
      const pi = rt.ctx.instance(piId);
      const task = pi?.tasks[id];
      const ai = pi && task ? pi.activityInstances[task.activityInstanceId] : undefined;
      if (!pi || !task || !ai) {
        throw new NullValueException(`Cannot find task with id ${id}: task is null`);
      }
      if (task.suspended) {
        throw new ProcessEngineException(`Cannot complete a suspended task`);
      }
      for (const [name, value] of Object.entries(variables)) {
        if (task.variables[name]) {
          rt.setVariableLocal(pi, ai.id, name, value);
        } else {
          rt.setVariable(pi, ai.id, name, value);
        }
      }
      const activity = rt.activity(pi, ai.activityId);
      rt.invokeTaskListeners(pi, ai, activity, task, 'complete');
      delete pi.tasks[id];
      if (pi.activityInstances[ai.id]) {
        rt.leave(pi, ai);
      }
    });
  }

  setTaskAssignee(id: string, assignee: string | null): void {
    const piId = this.store.taskIndex.get(id);
    if (!piId) {
      throw new NullValueException(`Cannot find task with id ${id}: task is null`);
    }
    this.run({}, (rt) => {
      const pi = rt.ctx.instance(piId);
      const task = pi?.tasks[id];
      if (task) {
        task.assignee = assignee;
        const historic = rt.ctx.historicActivityInstance(task.activityInstanceId);
        if (historic) {
          historic.assignee = assignee;
        }
      }
    });
  }

  // ------------------------------------------------------------------ jobs

  *jobs(): Iterable<JobRec> {
    yield* this.store.globalJobs.values();
    for (const pi of this.store.instances.values()) {
      yield* Object.values(pi.jobs);
    }
  }

  job(id: string): JobRec | undefined {
    const piId = this.store.jobIndex.get(id);
    return piId ? this.store.instances.get(piId)?.jobs[id] : this.store.globalJobs.get(id);
  }

  executeJob(id: string): void {
    const job = this.job(id);
    if (!job) {
      throw new NotFoundException(`No job found with id '${id}'`);
    }
    const batch = job.batchId ? this.store.batches.get(job.batchId) : undefined;
    const flags =
      batch?.configuration.kind === 'instance-modification' &&
      job.handlerType === 'instance-modification'
        ? {
            skipCustomListeners: batch.configuration.skipCustomListeners,
            skipIoMappings: batch.configuration.skipIoMappings,
          }
        : {};
    try {
      this.run(flags, (rt) => {
        if (job.batchId !== null) {
          runBatchJob(this.batchHost, rt, job);
        } else if (job.processInstanceId === null) {
          this.runGlobalJob(rt, job);
        } else {
          rt.runJob(job);
        }
        rt.ctx.jobExecuted(job.id);
      });
    } catch (error) {
      this.recordJobFailure(job, error);
      throw error;
    }
  }

  private runGlobalJob(rt: Runtime, job: JobRec): void {
    const jobs = rt.ctx.globalJobs();
    jobs.delete(job.id);
    if (job.handlerType !== 'timer-start-event') {
      throw new ProcessEngineException(
        `Job handler '${job.handlerType}' is not supported by this engine yet`,
      );
    }
    const definition = job.processDefinitionId
      ? this.store.definitions.get(job.processDefinitionId)
      : undefined;
    if (!definition) {
      throw new ProcessEngineException(`Process definition of job '${job.id}' does not exist`);
    }
    if (job.repeat) {
      const step = nextCycle(this.clock(), job.repeat);
      jobs.set(job.id, { ...job, dueDate: step.dueDate, repeat: step.next, seq: rt.ctx.nextSeq() });
    }
    rt.startProcessInstance(definition, { startEventId: job.activityId });
  }

  /** A failed job loses one retry and keeps its exception; at zero an incident is raised. */
  private recordJobFailure(job: JobRec, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const type = error instanceof ProcessEngineException ? error.type : 'ProcessEngineException';
    const stacktrace = `org.camunda.bpm.engine.${type}: ${message}\n${error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : ''}`;
    this.run({}, (rt) => {
      const target =
        job.processInstanceId === null
          ? rt.ctx.globalJobs().get(job.id)
          : rt.ctx.instance(job.processInstanceId)?.jobs[job.id];
      if (!target) {
        return;
      }
      const failed: JobRec = {
        ...target,
        retries: Math.max(0, target.retries - 1),
        exceptionMessage: message,
        stacktrace,
        failedActivityId: target.activityId,
      };
      // JobEntity.setRetries raises the failedJob incident only when retries go from >0 to 0: a
      // job executed by hand after its incident (POST /job/{id}/execute) fails without another.
      const raisesIncident = target.retries > 0 && failed.retries === 0;
      if (job.processInstanceId === null) {
        rt.ctx.globalJobs().set(failed.id, failed);
        if (raisesIncident) {
          const incidentId = this.newId();
          rt.ctx.globalIncidents().set(incidentId, {
            id: incidentId,
            incidentType: 'failedJob',
            incidentTimestamp: this.clock(),
            incidentMessage: message,
            processDefinitionId: null,
            processInstanceId: null,
            executionId: null,
            activityId: null,
            failedActivityId: null,
            configuration: failed.id,
            jobDefinitionId: failed.jobDefinitionId,
            causeIncidentId: incidentId,
            rootCauseIncidentId: incidentId,
            tenantId: failed.tenantId,
            annotation: null,
          });
        }
        return;
      }
      Object.assign(target, failed);
      if (raisesIncident) {
        const pi = rt.ctx.instance(job.processInstanceId);
        if (pi) {
          const incidentId = this.newId();
          pi.incidents[incidentId] = {
            id: incidentId,
            incidentType: 'failedJob',
            incidentTimestamp: this.clock(),
            incidentMessage: message,
            processDefinitionId: pi.processDefinitionId,
            processInstanceId: pi.id,
            executionId: target.executionId,
            activityId: target.activityId,
            failedActivityId: target.activityId,
            configuration: target.id,
            jobDefinitionId: target.jobDefinitionId,
            causeIncidentId: incidentId,
            rootCauseIncidentId: incidentId,
            tenantId: pi.tenantId,
            annotation: null,
          };
        }
      }
    });
  }

  setJobRetries(id: string, retries: number): void {
    if (retries < 0) {
      throw new BadUserRequestException(
        `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
      );
    }
    const job = this.job(id);
    if (!job) {
      throw new ProcessEngineException(`ENGINE-13053 No job found with id '${id}'.'`);
    }
    this.updateJobRetries([job], retries);
  }

  setJobDefinitionRetries(jobDefinitionId: string, retries: number): void {
    if (retries < 0) {
      throw new BadUserRequestException(
        `ENGINE-13054 The number of job retries must be a non-negative Integer, but '${String(retries)}' has been provided.`,
      );
    }
    const jobs = [...this.jobs()].filter(
      (job) => job.jobDefinitionId === jobDefinitionId && job.retries === 0,
    );
    this.updateJobRetries(jobs, retries);
  }

  private updateJobRetries(jobs: JobRec[], retries: number): void {
    this.run({}, (rt) => {
      for (const job of jobs) {
        setRetries(this.batchHost, rt, job.id, retries);
      }
    });
  }

  setJobRetriesAsync(
    jobIds: string[],
    retries: number,
    userId: string | null = null,
    authorize?: () => void,
  ): BatchRec {
    return setJobRetriesAsync(this.batchHost, jobIds, retries, userId, authorize);
  }

  jobDefinitions(): Iterable<JobDefinitionRec> {
    return this.store.jobDefinitions.values();
  }

  jobDefinition(id: string): JobDefinitionRec | undefined {
    return this.store.jobDefinitions.get(id);
  }

  acquireJob(): JobRec | undefined {
    const now = this.clock();
    let best: JobRec | undefined;
    const consider = (job: JobRec): void => {
      if (job.retries <= 0 || job.suspended || (job.dueDate !== null && job.dueDate > now)) {
        return;
      }
      const due = job.dueDate ?? job.createTime;
      const bestDue = best ? (best.dueDate ?? best.createTime) : Number.POSITIVE_INFINITY;
      if (!best || due < bestDue || (due === bestDue && job.seq < best.seq)) {
        best = job;
      }
    };
    for (const job of this.store.globalJobs.values()) {
      consider(job);
    }
    for (const [jobId, piId] of this.store.jobIndex) {
      const job = this.store.instances.get(piId)?.jobs[jobId];
      if (job) {
        consider(job);
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ other runtime data

  *eventSubscriptions(): Iterable<EventSubscriptionRec> {
    yield* this.store.globalSubscriptions.values();
    for (const pi of this.store.instances.values()) {
      yield* Object.values(pi.eventSubscriptions);
    }
  }

  *incidents(): Iterable<IncidentRec> {
    yield* this.store.globalIncidents.values();
    for (const pi of this.store.instances.values()) {
      yield* Object.values(pi.incidents);
    }
  }

  // ------------------------------------------------------------------ many instances and batches

  executeModification(input: ManyInstancesModification): void {
    executeModification(this.batchHost, input);
  }

  executeModificationInTurns(input: ManyInstancesModification): Promise<void> {
    return executeModificationInTurns(this.batchHost, input);
  }

  executeModificationAsync(input: ManyInstancesModification): BatchRec {
    return executeModificationAsync(this.batchHost, input);
  }

  modifyProcessInstanceAsync(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): BatchRec {
    return modifyProcessInstanceAsync(this.batchHost, id, instructions, options);
  }

  batches(): Iterable<BatchRec> {
    return this.store.batches.values();
  }

  batch(id: string): BatchRec | undefined {
    return this.store.batches.get(id);
  }

  batchStatistics(batch: BatchRec): BatchStatistics {
    return batchStatistics(batch, this.store.globalJobs.values());
  }

  setBatchSuspended(id: string, suspended: boolean, userId: string | null = null): void {
    this.run({ userId }, (rt) => {
      const batch = rt.ctx.batches().get(id);
      if (!batch) {
        throw new BadUserRequestException(`Batch for id '${id}' cannot be found: batch is null`);
      }
      setBatchSuspended(rt.ctx, batch, suspended);
      if (userId) {
        rt.ctx.log(
          logEntry(this.batchHost, {
            operationId: this.newId(),
            userId,
            operationType: suspended ? 'SuspendBatch' : 'ActivateBatch',
            entityType: 'Batch',
            property: 'suspensionState',
            newValue: suspended ? 'suspended' : 'active',
            batchId: id,
          }),
        );
      }
    });
  }

  deleteBatch(id: string, cascade: boolean, userId: string | null = null): void {
    this.run({ userId }, (rt) => {
      const batch = rt.ctx.batches().get(id);
      if (!batch) {
        throw new BadUserRequestException(`Batch for id '${id}' cannot be found: batch is null`);
      }
      removeBatch(this.batchHost, rt.ctx, batch, cascade);
      if (userId) {
        rt.ctx.log(
          logEntry(this.batchHost, {
            operationId: this.newId(),
            userId,
            operationType: 'Delete',
            entityType: 'Batch',
            property: 'cascadeDelete',
            newValue: String(cascade),
            batchId: id,
          }),
        );
      }
    });
  }

  historicBatches(): Iterable<HistoricBatchRec> {
    return this.store.historicBatches.values();
  }

  historicBatch(id: string): HistoricBatchRec | undefined {
    return this.store.historicBatches.get(id);
  }

  deleteHistoricBatch(id: string, userId: string | null = null): void {
    this.run({ userId }, (rt) => {
      if (!rt.ctx.historicBatches().has(id)) {
        throw new BadUserRequestException(
          `Historic batch for id '${id}' cannot be found: historicBatch is null`,
        );
      }
      rt.ctx.historicBatches().delete(id);
      if (userId) {
        rt.ctx.log(
          logEntry(this.batchHost, {
            operationId: this.newId(),
            userId,
            operationType: 'DeleteHistory',
            entityType: 'Batch',
            batchId: id,
          }),
        );
      }
    });
  }

  /** Sets (or with null clears) the annotation of every entry of one operation (contract §3.4). */
  setOperationAnnotation(
    operationId: string,
    annotation: string | null,
    userId: string | null = null,
  ): void {
    const entries = this.store.userOperationLog.filter(
      (entry) => entry.operationId === operationId,
    );
    if (entries.length === 0) {
      throw new BadUserRequestException('operation is null');
    }
    for (const entry of entries) {
      entry.annotation = annotation;
    }
    if (userId) {
      const first = entries[0];
      this.store.userOperationLog.push(
        logEntry(this.batchHost, {
          operationId: this.newId(),
          userId,
          operationType: annotation === null ? 'ClearAnnotation' : 'SetAnnotation',
          entityType: 'OperationLog',
          property: 'operationId',
          newValue: operationId,
          processDefinitionId: first?.processDefinitionId ?? null,
          processDefinitionKey: first?.processDefinitionKey ?? null,
          processInstanceId: first?.processInstanceId ?? null,
        }),
      );
    }
  }

  // ------------------------------------------------------------------ history

  historicProcessInstances(): Iterable<HistoricProcessInstanceRec> {
    return this.store.historicProcessInstances.values();
  }

  historicProcessInstance(id: string): HistoricProcessInstanceRec | undefined {
    return this.store.historicProcessInstances.get(id);
  }

  historicActivityInstances(): Iterable<HistoricActivityInstanceRec> {
    return this.store.historicActivityInstances.values();
  }

  historicVariableInstances(): Iterable<HistoricVariableInstanceRec> {
    return this.store.historicVariableInstances.values();
  }

  historicDetails(): Iterable<HistoricVariableUpdateRec> {
    return this.store.historicDetails;
  }

  historicIncidents(): Iterable<HistoricIncidentRec> {
    return this.store.historicIncidents.values();
  }

  userOperationLog(): Iterable<UserOperationLogRec> {
    return this.store.userOperationLog;
  }
}

function sameValue(actual: TypedValue, expected: TypedValue): boolean {
  return JSON.stringify(actual.value) === JSON.stringify(expected.value);
}
