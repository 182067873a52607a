/**
 * An embedded subprocess starts at its start event; it completes when its last token has ended
 * (Camunda's `SubProcessActivityBehavior`, a `CompositeActivityBehavior`).
 */
import type { ActivityBehavior } from './activity-behavior';

export const subProcessBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const start = rt.tree.startEventOf(rt.tree.model(pi), activity.id);
    if (!start) {
      rt.scopeMaybeComplete(pi, ai.id);
      return;
    }
    rt.enter(pi, ai.id, start.id);
  },
};
