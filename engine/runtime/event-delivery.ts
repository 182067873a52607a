/**
 * Delivering an event to the subscriptions that wait for it: a message or signal to one
 * subscription of a running instance, and the signals a command threw to every subscription and
 * signal start event, as Camunda's `SignalEventReceivedCmd` broadcasts them.
 */
import type { TypedValue } from '../variables';
import { signalActivity } from './behaviors/activity-behaviors';
import { triggerBoundaryEvent } from './behaviors/boundary-event';
import { triggerEventSubProcess } from './behaviors/event-subprocess';
import type { ProcessRuntime } from './process-runtime';
import type { EventSubscriptionRec, ProcessDefinitionRec, ProcessInstanceState } from './state';

/** Delivers signals thrown during the command to every subscription, as Camunda broadcasts. */
export function deliverSignals(
  rt: ProcessRuntime,
  startDefinitions: (name: string) => { definition: ProcessDefinitionRec; startEventId: string }[],
): void {
  while (rt.pendingSignals.length > 0) {
    const signal = rt.pendingSignals.shift();
    if (!signal) {
      break;
    }
    const hits: { pi: ProcessInstanceState; subscription: EventSubscriptionRec }[] = [];
    for (const id of [...rt.ctx.instanceIds()]) {
      const peeked = rt.ctx.peek(id);
      if (!peeked) {
        continue;
      }
      const matching = Object.values(peeked.eventSubscriptions).filter(
        (s) => s.eventType === 'signal' && s.eventName === signal.name,
      );
      if (matching.length === 0) {
        continue;
      }
      const pi = rt.ctx.instance(id);
      if (!pi) {
        continue;
      }
      for (const subscription of matching) {
        hits.push({ pi, subscription });
      }
    }
    for (const hit of hits) {
      if (hit.pi.eventSubscriptions[hit.subscription.id]) {
        triggerSubscription(rt, hit.pi, hit.subscription, signal.variables);
      }
    }
    for (const start of startDefinitions(signal.name)) {
      rt.startProcessInstance(start.definition, {
        startEventId: start.startEventId,
        variables: signal.variables,
      });
    }
  }
}

/** An event arrived for a subscription of a running instance. */
export function triggerSubscription(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  subscription: EventSubscriptionRec,
  variables: Record<string, TypedValue>,
): void {
  const owner = pi.activityInstances[subscription.activityInstanceId ?? ''];
  if (!owner) {
    return;
  }
  const catcher = rt.tree.activity(pi, subscription.activityId);
  if (catcher.kind === 'boundaryEvent') {
    triggerBoundaryEvent(rt, pi, owner, catcher.id, variables);
  } else if (catcher.kind === 'startEvent') {
    // Non-interrupting event subprocess subscriptions stay for the next event.
    if (catcher.interrupting) {
      rt.tree.deleteEventSubscription(pi, subscription.id);
    }
    triggerEventSubProcess(rt, pi, owner, catcher.id, variables);
  } else {
    signalActivity(rt, pi, owner, rt.tree.activity(pi, owner.activityId), {
      eventId: catcher.id,
      variables,
      subscriptionId: subscription.id,
    });
  }
}
