/**
 * An end event ends its path (`NoneEndEventActivityBehavior`); its scope completes once no other
 * token is left in it. A terminate end event cancels every other token of its scope first
 * (`TerminateEndEventActivityBehavior`), an error end event hands its path to the error's handler
 * (`ErrorEndEventActivityBehavior`); escalation and signal end events throw before they end.
 */
import { propagateError, propagateEscalation } from '../error-propagation';
import type { ActivityBehavior } from './activity-behavior';

export const endEventBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const definition = activity.eventDefinition;
    switch (definition.kind) {
      case 'terminate': {
        const scopeId = ai.parentId ?? pi.id;
        rt.listeners.invokeListeners(pi, ai.id, activity.listeners, 'end');
        rt.tree.removeActivityInstance(pi, ai, false);
        for (const child of rt.tree.childInstances(pi, scopeId)) {
          rt.cancelActivityInstance(pi, child);
        }
        for (const ti of rt.tree.childTransitions(pi, scopeId)) {
          rt.tree.removeTransitionInstance(pi, ti);
        }
        rt.scopeMaybeComplete(pi, scopeId);
        return;
      }
      case 'error':
        propagateError(rt, pi, ai, definition.errorCode);
        return;
      case 'escalation':
        propagateEscalation(rt, pi, ai, definition.escalationCode);
        break;
      case 'signal':
        rt.pendingSignals.push({ name: definition.signalName, variables: {} });
        break;
      default:
        break;
    }
    if (pi.activityInstances[ai.id]) {
      rt.leave(pi, ai, []);
    }
  },
};
