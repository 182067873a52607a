/**
 * The tree of activity and transition instances of a process instance, and the model behind it:
 * lookups, and the creation and removal of instances together with what hangs on them (history,
 * tasks, event subscriptions, jobs). Camunda keeps the same tree as executions
 * (`PvmExecutionImpl`) and reports it as activity instances (`GetActivityInstanceCmd`).
 */
import { ProcessEngineException } from '../errors';
import type { Activity, ProcessModel } from '../model/process-model';
import { innerActivityId, isBodyId } from './activity-ids';
import type { CommandContext } from './command-context';
import { RecordIndex } from './record-index';
import type {
  ActivityInstanceRec,
  EventSubscriptionRec,
  IncidentRec,
  JobRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TaskRec,
  TransitionInstanceRec,
} from './state';

export interface RuntimeDeps {
  clock: () => number;
  newId: () => string;
}

export class ExecutionTree {
  /**
   * Indexes of an instance's maps. Every record is added and removed through the methods below,
   * which keep them right; a record removed elsewhere is dropped at the next lookup.
   */
  private readonly activitiesByActivity = new RecordIndex<ActivityInstanceRec>(
    (ai) => ai.activityId,
  );
  private readonly activitiesByParent = new RecordIndex<ActivityInstanceRec>((ai) => ai.parentId);
  private readonly transitionsByActivity = new RecordIndex<TransitionInstanceRec>(
    (ti) => ti.activityId,
  );
  private readonly transitionsByParent = new RecordIndex<TransitionInstanceRec>(
    (ti) => ti.parentId,
  );
  private readonly tasksByOwner = new RecordIndex<TaskRec>((task) => task.activityInstanceId);
  private readonly subscriptionsByOwner = new RecordIndex<EventSubscriptionRec>(
    (subscription) => subscription.activityInstanceId,
  );
  private readonly jobsByOwner = new RecordIndex<JobRec>((job) => job.activityInstanceId);
  private readonly jobsByExecution = new RecordIndex<JobRec>((job) => job.executionId);
  private readonly incidentsByConfiguration = new RecordIndex<IncidentRec>(
    (incident) => incident.configuration,
  );

  constructor(
    private readonly ctx: CommandContext,
    private readonly deps: RuntimeDeps,
  ) {}

  now(): number {
    return this.deps.clock();
  }

  newId(): string {
    return this.deps.newId();
  }

  /**
   * The activity instances of one activity (or multi-instance body), without reading every
   * activity instance: a modification asks once per start instruction, and thousands of start
   * instructions would otherwise cost quadratic time. Camunda's AbstractInstantiationCmd builds an
   * ActivityExecutionTreeMapping of the whole instance per instruction, which is quadratic too.
   */
  activityInstancesOf(pi: ProcessInstanceState, activityId: string): ActivityInstanceRec[] {
    return this.activitiesByActivity.find(pi.activityInstances, activityId);
  }

  /** The transition instances (async continuations) before or after one activity. */
  transitionInstancesOf(pi: ProcessInstanceState, activityId: string): TransitionInstanceRec[] {
    return this.transitionsByActivity.find(pi.transitionInstances, activityId);
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
    return this.activitiesByParent
      .find(pi.activityInstances, parentId)
      .sort((a, b) => a.seq - b.seq);
  }

  childTransitions(pi: ProcessInstanceState, parentId: string): TransitionInstanceRec[] {
    return this.transitionsByParent
      .find(pi.transitionInstances, parentId)
      .sort((a, b) => a.seq - b.seq);
  }

  hasTokens(pi: ProcessInstanceState, scopeId: string, except?: string): boolean {
    return (
      this.activitiesByParent.has(pi.activityInstances, scopeId, except) ||
      this.transitionsByParent.has(pi.transitionInstances, scopeId, except)
    );
  }

  /** The event subscriptions an activity instance owns (for event subprocess starts: its scope's). */
  subscriptionsOf(pi: ProcessInstanceState, activityInstanceId: string): EventSubscriptionRec[] {
    return this.subscriptionsByOwner.find(pi.eventSubscriptions, activityInstanceId);
  }

  /** The jobs an activity or transition instance owns. */
  jobsOf(pi: ProcessInstanceState, activityInstanceId: string): JobRec[] {
    return this.jobsByOwner.find(pi.jobs, activityInstanceId);
  }

  /** The incidents of a job (`failedJob` incidents name it in their configuration). */
  incidentsOfJob(pi: ProcessInstanceState, jobId: string): IncidentRec[] {
    return this.incidentsByConfiguration.find(pi.incidents, jobId);
  }

  isInnerOfBody(pi: ProcessInstanceState, parentId: string | null): boolean {
    if (parentId === null) {
      return false;
    }
    const parent = pi.activityInstances[parentId];
    return parent !== undefined && isBodyId(parent.activityId);
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

  createActivityInstance(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec {
    const ai: ActivityInstanceRec = {
      // Camunda's `<activityId>:<id>`; join() makes one flat string where a template would
      // keep both parts and a rope node for as long as the id lives.
      id: [activityId, this.newId()].join(':'),
      activityId,
      parentId,
      executionId: this.newId(),
      seq: this.ctx.nextSeq(),
      startTime: this.now(),
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

  putActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void {
    pi.activityInstances[ai.id] = ai;
    this.activitiesByActivity.added(pi.activityInstances, ai);
    this.activitiesByParent.added(pi.activityInstances, ai);
  }

  /** Removes an activity instance with its task, subscriptions and jobs, and closes its history. */
  removeActivityInstance(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    canceled: boolean,
  ): void {
    for (const task of this.tasksByOwner.find(pi.tasks, ai.id)) {
      this.deleteTask(pi, task);
    }
    for (const subscription of this.subscriptionsOf(pi, ai.id)) {
      this.deleteEventSubscription(pi, subscription.id);
    }
    for (const job of this.jobsOf(pi, ai.id)) {
      this.deleteJob(pi, job.id);
    }
    delete pi.activityInstances[ai.id];
    this.activitiesByActivity.removed(pi.activityInstances, ai);
    this.activitiesByParent.removed(pi.activityInstances, ai);
    const historic = this.ctx.historicActivityInstance(ai.id);
    if (historic) {
      historic.endTime = this.now();
      historic.canceled = canceled;
    }
  }

  putTransitionInstance(pi: ProcessInstanceState, ti: TransitionInstanceRec): void {
    pi.transitionInstances[ti.id] = ti;
    this.transitionsByActivity.added(pi.transitionInstances, ti);
    this.transitionsByParent.added(pi.transitionInstances, ti);
  }

  /** Removes a transition instance with its async continuation job. */
  removeTransitionInstance(pi: ProcessInstanceState, ti: TransitionInstanceRec): void {
    for (const job of this.jobsByExecution.find(pi.jobs, ti.id)) {
      this.deleteJob(pi, job.id);
    }
    delete pi.transitionInstances[ti.id];
    this.transitionsByActivity.removed(pi.transitionInstances, ti);
    this.transitionsByParent.removed(pi.transitionInstances, ti);
  }

  putTask(pi: ProcessInstanceState, task: TaskRec): void {
    pi.tasks[task.id] = task;
    this.tasksByOwner.added(pi.tasks, task);
  }

  deleteTask(pi: ProcessInstanceState, task: TaskRec): void {
    delete pi.tasks[task.id];
    this.tasksByOwner.removed(pi.tasks, task);
  }

  putEventSubscription(pi: ProcessInstanceState, subscription: EventSubscriptionRec): void {
    pi.eventSubscriptions[subscription.id] = subscription;
    this.subscriptionsByOwner.added(pi.eventSubscriptions, subscription);
  }

  deleteEventSubscription(pi: ProcessInstanceState, subscriptionId: string): void {
    const subscription = pi.eventSubscriptions[subscriptionId];
    if (subscription) {
      delete pi.eventSubscriptions[subscriptionId];
      this.subscriptionsByOwner.removed(pi.eventSubscriptions, subscription);
    }
  }

  /** Puts a job into its instance, or replaces the one with its id (a timer cycle's next run). */
  putJob(pi: ProcessInstanceState, job: JobRec): void {
    const replaced = pi.jobs[job.id];
    if (replaced) {
      this.jobsByOwner.removed(pi.jobs, replaced);
      this.jobsByExecution.removed(pi.jobs, replaced);
    }
    pi.jobs[job.id] = job;
    this.jobsByOwner.added(pi.jobs, job);
    this.jobsByExecution.added(pi.jobs, job);
  }

  /** Deletes a job with its incidents. */
  deleteJob(pi: ProcessInstanceState, jobId: string): void {
    const job = pi.jobs[jobId];
    if (job) {
      delete pi.jobs[jobId];
      this.jobsByOwner.removed(pi.jobs, job);
      this.jobsByExecution.removed(pi.jobs, job);
    }
    for (const incident of this.incidentsOfJob(pi, jobId)) {
      this.deleteIncident(pi, incident);
    }
  }

  putIncident(pi: ProcessInstanceState, incident: IncidentRec): void {
    pi.incidents[incident.id] = incident;
    this.incidentsByConfiguration.added(pi.incidents, incident);
  }

  deleteIncident(pi: ProcessInstanceState, incident: IncidentRec): void {
    delete pi.incidents[incident.id];
    this.incidentsByConfiguration.removed(pi.incidents, incident);
  }
}
