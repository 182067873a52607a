/**
 * A receive task waits for its message and leaves when it arrives (Camunda's
 * `ReceiveTaskActivityBehavior`).
 */
import type { ActivityBehavior } from './activity-behavior';
import { leaveOnEvent } from './intermediate-catch-event';

export const receiveTaskBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    if (activity.eventDefinition.kind === 'message') {
      rt.subscriptions.createSubscription(
        pi,
        ai,
        activity.id,
        'message',
        activity.eventDefinition.messageName,
      );
    }
  },
  signal: leaveOnEvent,
};
