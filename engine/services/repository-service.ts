/**
 * Deployments and process definitions, as Camunda's `RepositoryService`: deploying parses the
 * BPMN resources (`BpmnDeployer`), creates the job definitions and start event triggers of each
 * new version, and deleting a deployment gives the previous versions their triggers back.
 */
import type { DeployInput, DeployResult } from '../engine-api';
import { NotFoundException, ProcessEngineException } from '../errors';
import { parseBpmn } from '../model/parse-bpmn';
import type { ProcessModel } from '../model/process-model';
import type { CommandContext } from '../runtime/command-context';
import { DEFAULT_JOB_RETRIES } from '../runtime/runtime';
import type { DeploymentRec, JobRec, ProcessDefinitionRec } from '../runtime/state';
import { addDuration, nextCycle, parseDate } from '../runtime/timer';
import type { CommandExecutor } from './command-executor';

/**
 * BpmnDeployer.BPMN_RESOURCE_SUFFIXES, checked with `String.endsWith` (AbstractDefinitionDeployer
 * .isResourceHandled): only these resources are parsed; any other is stored as it is.
 */
const BPMN_RESOURCE_SUFFIXES = ['bpmn20.xml', 'bpmn'];

function isBpmnResource(name: string): boolean {
  return BPMN_RESOURCE_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

export class RepositoryService {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly enforceHistoryTimeToLive: boolean,
  ) {}

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
      id: this.executor.newId(),
      name: input.name ?? null,
      source: input.source ?? null,
      tenantId: input.tenantId ?? null,
      deploymentTime: this.executor.clock(),
      resources: input.resources.map((resource) => ({ id: this.executor.newId(), ...resource })),
    };
    const created: ProcessDefinitionRec[] = [];
    this.executor.run({}, (rt) => {
      for (const resource of parsed) {
        for (const model of resource.models) {
          if (!model.isExecutable) {
            continue;
          }
          const previous = this.latestDefinition(model.key, input.tenantId ?? null);
          const version = (previous?.version ?? 0) + 1;
          const definition: ProcessDefinitionRec = {
            id: `${model.key}:${String(version)}:${this.executor.newId()}`,
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
          this.executor.store.definitions.set(definition.id, definition);
          this.executor.store.definitionXml.set(definition.id, resource.xml);
          this.createJobDefinitions(rt.ctx, definition);
          this.replaceStartEventTriggers(rt.ctx, definition, previous);
          created.push(definition);
        }
      }
    });
    this.executor.store.deployments.set(deployment.id, deployment);
    return { deployment, definitions: created };
  }

  private findDuplicateDeployment(input: DeployInput): DeploymentRec | undefined {
    const candidates = [...this.executor.store.deployments.values()]
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
      const id = this.executor.newId();
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
          id: this.executor.newId(),
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
          createTime: this.executor.clock(),
          batchId: null,
          seq: ctx.nextSeq(),
        };
        jobs.set(job.id, job);
      } else if (event.kind === 'message' || event.kind === 'signal') {
        const id = this.executor.newId();
        subscriptions.set(id, {
          id,
          eventType: event.kind,
          eventName: event.kind === 'message' ? event.messageName : event.signalName,
          processInstanceId: null,
          executionId: null,
          activityInstanceId: null,
          activityId: startId,
          processDefinitionId: definition.id,
          createdDate: this.executor.clock(),
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
        return { dueDate: addDuration(this.executor.clock(), expression), repeat: null };
      case 'date':
        return { dueDate: parseDate(expression), repeat: null };
      case 'cycle': {
        const step = nextCycle(this.executor.clock(), expression);
        return { dueDate: step.dueDate, repeat: step.next };
      }
    }
  }

  deleteDeployment(
    id: string,
    options: { cascade?: boolean; skipCustomListeners?: boolean; skipIoMappings?: boolean },
  ): void {
    const deployment = this.executor.store.deployments.get(id);
    if (!deployment) {
      throw new NotFoundException(`Deployment with id '${id}' does not exist: deployment is null`);
    }
    const definitionIds = new Set(
      [...this.executor.store.definitions.values()]
        .filter((d) => d.deploymentId === id)
        .map((d) => d.id),
    );
    const running = [...this.executor.store.instances.values()].filter((pi) =>
      definitionIds.has(pi.processDefinitionId),
    );
    if (running.length > 0 && !options.cascade) {
      throw new ProcessEngineException(
        `Deletion of process definition without cascading failed. There are ${String(running.length)} running process instances`,
      );
    }
    this.executor.run(
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
      this.executor.store.definitions.get(definitionId),
    );
    for (const definitionId of definitionIds) {
      this.executor.store.definitions.delete(definitionId);
      this.executor.store.definitionXml.delete(definitionId);
    }
    if (options.cascade) {
      for (const [historicId, historic] of this.executor.store.historicProcessInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.executor.store.historicProcessInstances.delete(historicId);
        }
      }
      for (const [historicId, historic] of this.executor.store.historicActivityInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.executor.store.historicActivityInstances.delete(historicId);
        }
      }
      for (const [historicId, historic] of this.executor.store.historicVariableInstances) {
        if (definitionIds.has(historic.processDefinitionId)) {
          this.executor.store.historicVariableInstances.delete(historicId);
        }
      }
      this.executor.store.historicDetails = this.executor.store.historicDetails.filter(
        (detail) => !definitionIds.has(detail.processDefinitionId),
      );
      for (const [historicId, historic] of this.executor.store.historicIncidents) {
        if (
          historic.processDefinitionId !== null &&
          definitionIds.has(historic.processDefinitionId)
        ) {
          this.executor.store.historicIncidents.delete(historicId);
        }
      }
    }
    this.executor.store.deployments.delete(id);
    // The previous version of each key becomes the latest again and takes back its start triggers.
    this.executor.run({}, (rt) => {
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
    return this.executor.store.deployments.values();
  }

  deployment(id: string): DeploymentRec | undefined {
    return this.executor.store.deployments.get(id);
  }

  definitions(): Iterable<ProcessDefinitionRec> {
    return this.executor.store.definitions.values();
  }

  definition(id: string): ProcessDefinitionRec | undefined {
    return this.executor.store.definitions.get(id);
  }

  latestDefinition(key: string, tenantId: string | null = null): ProcessDefinitionRec | undefined {
    let latest: ProcessDefinitionRec | undefined;
    for (const definition of this.executor.store.definitions.values()) {
      if (definition.key === key && (tenantId === null || definition.tenantId === tenantId)) {
        if (!latest || definition.version > latest.version) {
          latest = definition;
        }
      }
    }
    return latest;
  }

  definitionXml(id: string): string | undefined {
    return this.executor.store.definitionXml.get(id);
  }

  setDefinitionSuspended(id: string, suspended: boolean): void {
    const definition = this.executor.store.definitions.get(id);
    if (!definition) {
      throw new NotFoundException(`Process definition with id '${id}' does not exist`);
    }
    definition.suspended = suspended;
  }
}
