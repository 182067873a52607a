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
import type {
  ActivityInstanceRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  TransitionInstanceRec,
} from './state';

export interface RuntimeDeps {
  clock: () => number;
  newId: () => string;
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

export class ExecutionTree {
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
}
