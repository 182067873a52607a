/**
 * Jobs of process instances: creating them with their job definition's settings, async
 * continuations (a transition instance waiting on a job, Camunda's `AsyncContinuationJobHandler`
 * jobs) and the next step of a timer cycle.
 */
import type { TypedValue } from '../variables';
import type { CommandContext } from './command-context';
import type { ExecutionTree } from './execution-tree';
import type {
  JobDefinitionRec,
  JobHandlerType,
  JobRec,
  ProcessInstanceState,
  TransitionInstanceRec,
} from './state';
import { nextCycle } from './timer';
import type { VariableScopes } from './variable-scopes';

export const DEFAULT_JOB_RETRIES = 3;

export interface JobFields {
  handlerType: JobHandlerType;
  handlerConfiguration: string;
  executionId: string;
  activityInstanceId: string;
  activityId: string;
  dueDate: number | null;
  repeat?: string | null;
}

export class Jobs {
  constructor(
    private readonly ctx: CommandContext,
    private readonly tree: ExecutionTree,
    private readonly variables: VariableScopes,
  ) {}

  /**
   * A job of a process instance. It is suspended with its instance or its job definition and
   * takes the definition's overriding priority (`DefaultJobPriorityProvider`).
   */
  createJob(pi: ProcessInstanceState, fields: JobFields): JobRec {
    const definition = this.tree.definitionOf(pi);
    const jobDefinition = this.findJobDefinition(
      definition.id,
      fields.activityId,
      fields.handlerType,
      fields.handlerConfiguration,
    );
    const job: JobRec = {
      id: this.tree.newId(),
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
      createTime: this.tree.now(),
      batchId: null,
      seq: this.ctx.nextSeq(),
    };
    this.tree.putJob(pi, job);
    return job;
  }

  private findJobDefinition(
    processDefinitionId: string,
    activityId: string,
    handlerType: JobHandlerType,
    configuration: string,
  ): JobDefinitionRec | undefined {
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

  /** A token waiting before or after `activityId` for its async continuation job. */
  createTransitionInstance(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
    kind: 'before' | 'after',
    variables: Record<string, TypedValue> = {},
    transitionId: string | null = null,
  ): TransitionInstanceRec {
    const ti: TransitionInstanceRec = {
      id: this.tree.newId(),
      activityId,
      parentId,
      seq: this.ctx.nextSeq(),
      kind,
      transitionId,
      startTime: this.tree.now(),
    };
    this.tree.putTransitionInstance(pi, ti);
    for (const [name, value] of Object.entries(variables)) {
      this.variables.setVariableLocal(pi, ti.id, name, value);
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

  /** A timer cycle that fired schedules its next repetition, if any, as the same job. */
  rescheduleCycle(pi: ProcessInstanceState, job: JobRec): void {
    if (!job.repeat) {
      return;
    }
    const step = nextCycle(this.tree.now(), job.repeat);
    this.tree.putJob(pi, {
      ...job,
      dueDate: step.dueDate,
      repeat: step.next,
      retries: DEFAULT_JOB_RETRIES,
      exceptionMessage: null,
      stacktrace: null,
      seq: this.ctx.nextSeq(),
    });
  }
}
