/**
 * A start event passes its token on at once (Camunda's `NoneStartEventActivityBehavior`); whatever
 * triggered it (a message, a timer, an event subprocess's event) has already happened.
 */
import type { ActivityBehavior } from './activity-behavior';

export const startEventBehavior: ActivityBehavior = {
  execute({ pi, ai }, rt) {
    rt.leave(pi, ai);
  },
};
