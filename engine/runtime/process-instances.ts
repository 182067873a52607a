/**
 * Starting, ending and deleting process instances (Camunda's `PvmAtomicOperationProcessStart`,
 * `PvmAtomicOperationProcessEnd`, `DeleteProcessInstanceCmd`): history, the process listeners, the
 * event subprocess subscriptions of the process, and what ending means for a calling instance.
 */
import { ProcessEngineException } from '../errors';
import { calledInstanceCancelled, calledInstanceCompleted } from './behaviors/call-activity';
import type { ProcessRuntime, StartOptions } from './process-runtime';
import type { ActivityInstanceRec, ProcessDefinitionRec, ProcessInstanceState } from './state';

export function startProcessInstance(
  rt: ProcessRuntime,
  definition: ProcessDefinitionRec,
  options: StartOptions,
): ProcessInstanceState {
  if (definition.suspended) {
    throw new ProcessEngineException(
      `Cannot start process instance. Process definition ${definition.name ?? definition.key} (id = ${definition.id}) is suspended`,
    );
  }
  const id = rt.tree.newId();
  const now = rt.tree.now();
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
    seq: rt.ctx.nextSeq(),
    startTime: now,
    calledProcessInstanceId: null,
    joinWaiting: false,
  };
  rt.tree.putActivityInstance(pi, root);
  rt.ctx.addInstance(pi);
  const model = definition.model;
  const startEvent =
    options.startEventId ??
    model.startEventIds.find((sid) => model.activities[sid]?.eventDefinition.kind === 'none') ??
    model.startEventIds[0] ??
    null;
  rt.ctx.putHistoricProcessInstance({
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
    rt.variables.setVariableLocal(pi, id, name, value, { initial: true });
  }
  rt.listeners.invokeListeners(pi, id, model.listeners, 'start');
  rt.subscriptions.createEventSubProcessSubscriptions(pi, root, model.eventSubProcessIds);
  if (options.noStart) {
    return pi;
  }
  if (!startEvent) {
    throw new ProcessEngineException(
      `Process definition '${definition.id}' has no none start event to start from`,
    );
  }
  rt.enter(pi, id, startEvent);
  return pi;
}

/** Ends an instance whose root is empty: completion or cancellation propagates to the caller. */
export function endProcessInstance(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  reason: 'completed' | 'cancelled',
  deleteReason: string | null = null,
): void {
  if (rt.ctx.isEnded(pi.id)) {
    return;
  }
  const root = rt.tree.root(pi);
  if (reason === 'completed') {
    rt.listeners.invokeListeners(pi, root.id, rt.tree.model(pi).listeners, 'end');
  }
  for (const subscription of Object.values(pi.eventSubscriptions)) {
    rt.tree.deleteEventSubscription(pi, subscription.id);
  }
  for (const job of Object.values(pi.jobs)) {
    rt.tree.deleteJob(pi, job.id);
  }
  rt.ctx.endInstance(pi.id);
  const historic = rt.ctx.historicProcessInstance(pi.id);
  if (historic) {
    historic.endTime = rt.tree.now();
    historic.state = reason === 'completed' ? 'COMPLETED' : 'EXTERNALLY_TERMINATED';
    historic.deleteReason = reason === 'completed' ? null : deleteReason;
  }
  if (reason === 'completed') {
    calledInstanceCompleted(rt, pi);
  } else {
    calledInstanceCancelled(rt, pi);
  }
}

/** Cancels every token of an instance and ends it as externally terminated. */
export function deleteProcessInstance(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  deleteReason: string | null,
  fromCaller = false,
): void {
  if (fromCaller) {
    rt.ctx.cancellingFromCaller.add(pi.id);
  }
  const root = rt.tree.root(pi);
  for (const child of rt.tree.childInstances(pi, root.id).reverse()) {
    if (pi.activityInstances[child.id]) {
      rt.cancelActivityInstance(pi, child);
    }
  }
  for (const ti of rt.tree.childTransitions(pi, root.id)) {
    rt.tree.removeTransitionInstance(pi, ti);
  }
  rt.listeners.invokeListeners(pi, root.id, rt.tree.model(pi).listeners, 'end');
  endProcessInstance(rt, pi, 'cancelled', deleteReason);
}
