/**
 * Tasks without behaviour of their own (`task`, `manualTask`): they complete at once, as Camunda's
 * `TaskActivityBehavior` and `ManualTaskActivityBehavior` do.
 */
import type { ActivityBehavior } from './activity-behavior';

export const taskBehavior: ActivityBehavior = {
  execute({ pi, ai }, rt) {
    rt.leave(pi, ai);
  },
};
