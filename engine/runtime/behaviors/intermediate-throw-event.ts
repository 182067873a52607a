/**
 * An intermediate throw event throws its signal (`ThrowSignalEventActivityBehavior`: delivered
 * once the command's tokens have come to rest) or its escalation
 * (`ThrowEscalationEventActivityBehavior`), then passes its token on.
 */
import { propagateEscalation } from '../error-propagation';
import type { ActivityBehavior } from './activity-behavior';

export const intermediateThrowEventBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const definition = activity.eventDefinition;
    if (definition.kind === 'signal') {
      rt.pendingSignals.push({ name: definition.signalName, variables: {} });
    } else if (definition.kind === 'escalation') {
      propagateEscalation(rt, pi, ai, definition.escalationCode);
    }
    if (pi.activityInstances[ai.id]) {
      rt.leave(pi, ai);
    }
  },
};
