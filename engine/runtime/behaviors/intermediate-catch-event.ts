/**
 * An intermediate catch event waits for its timer, message, signal or condition (Camunda's
 * `IntermediateCatchEventActivityBehavior`, `IntermediateConditionalEventBehavior`); a condition
 * that already holds, or no event definition, lets the token pass at once.
 */
import type { ActivityBehavior, ActivityEvent, ActivityExecution } from './activity-behavior';
import type { ProcessRuntime } from '../process-runtime';

/** The awaited event arrived: its variables are set, its subscription goes, the activity leaves. */
export function leaveOnEvent(
  { pi, ai }: ActivityExecution,
  event: ActivityEvent,
  rt: ProcessRuntime,
): void {
  rt.variables.setVariables(pi, ai.id, event.variables);
  if (event.subscriptionId !== null) {
    rt.tree.deleteEventSubscription(pi, event.subscriptionId);
  }
  rt.leave(pi, ai);
}

export const intermediateCatchEventBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const definition = activity.eventDefinition;
    if (definition.kind === 'conditional') {
      if (rt.expressions.isTrue(pi, ai.id, definition.condition)) {
        rt.leave(pi, ai);
        return;
      }
    }
    if (definition.kind === 'none') {
      rt.leave(pi, ai);
      return;
    }
    rt.subscriptions.subscribe(pi, ai, activity, 'timer-intermediate-transition');
  },
  signal: leaveOnEvent,
};
