/**
 * What a job of a process instance does when it runs, by handler type, as Camunda's
 * `AsyncContinuationJobHandler`, `TimerExecuteNestedActivityJobHandler` (boundary timers),
 * `TimerCatchIntermediateEventJobHandler` and `TimerStartEventSubprocessJobHandler` do.
 */
import { ProcessEngineException } from '../errors';
import { signalActivity } from './behaviors/activity-behaviors';
import { triggerBoundaryEvent } from './behaviors/boundary-event';
import { triggerEventSubProcess } from './behaviors/event-subprocess';
import type { ProcessRuntime } from './process-runtime';
import type { JobRec, ProcessInstanceState } from './state';

/** Runs a job's handler; the job has been removed from its instance by the caller. */
export function runJob(rt: ProcessRuntime, job: JobRec): void {
  if (job.processInstanceId === null) {
    throw new ProcessEngineException(`Job '${job.id}' belongs to no process instance`);
  }
  const pi = rt.ctx.instance(job.processInstanceId);
  if (!pi) {
    throw new ProcessEngineException(
      `Process instance '${job.processInstanceId}' of job '${job.id}' does not exist`,
    );
  }
  rt.tree.deleteJob(pi, job.id);
  switch (job.handlerType) {
    case 'async-continuation':
      continueAsync(rt, pi, job);
      return;
    case 'timer-transition': {
      const owner = pi.activityInstances[job.activityInstanceId ?? ''];
      if (!owner || !job.activityId) {
        return;
      }
      rt.jobs.rescheduleCycle(pi, job);
      triggerBoundaryEvent(rt, pi, owner, job.activityId, {});
      return;
    }
    case 'timer-intermediate-transition': {
      const owner = pi.activityInstances[job.activityInstanceId ?? ''];
      if (!owner || !job.activityId) {
        return;
      }
      signalActivity(rt, pi, owner, rt.tree.activity(pi, owner.activityId), {
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
      rt.jobs.rescheduleCycle(pi, job);
      triggerEventSubProcess(rt, pi, owner, job.activityId, {});
      return;
    }
    default:
      throw new ProcessEngineException(
        `Job handler '${job.handlerType}' cannot run on a process instance`,
      );
  }
}

function continueAsync(rt: ProcessRuntime, pi: ProcessInstanceState, job: JobRec): void {
  const ti = pi.transitionInstances[job.executionId ?? ''];
  if (!ti) {
    throw new ProcessEngineException(`Transition instance of job '${job.id}' does not exist`);
  }
  rt.tree.removeTransitionInstance(pi, ti);
  const innerOfBody = rt.tree.isInnerOfBody(pi, ti.parentId);
  if (ti.kind === 'before') {
    if (innerOfBody) {
      const inner = rt.tree.createActivityInstance(pi, ti.parentId, ti.activityId);
      rt.variables.carryOver(inner, ti.variables);
      rt.startActivity(pi, inner);
      return;
    }
    rt.execute(pi, ti.parentId, ti.activityId, {}, ti.variables);
    return;
  }
  if (innerOfBody) {
    const activity = rt.tree.activity(pi, ti.activityId);
    rt.countInnerCompletion(pi, ti.parentId);
    rt.innerCompleted(pi, ti.parentId, rt.completionConditionMet(pi, ti.parentId, activity));
    return;
  }
  const activity = rt.tree.activity(pi, ti.activityId);
  const flows = ti.transitionId ? [ti.transitionId] : rt.outgoingFlows(pi, ti.parentId, activity);
  rt.takeFlows(pi, ti.parentId, flows);
}
