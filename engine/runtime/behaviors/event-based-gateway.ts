/**
 * An event-based gateway waits for the first of the events its outgoing flows lead to (Camunda's
 * `EventBasedGatewayActivityBehavior`): it subscribes to each of them, and when one occurs the
 * gateway ends and that event's path goes on.
 */
import type { ActivityBehavior } from './activity-behavior';

export const eventBasedGatewayBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const model = rt.tree.model(pi);
    for (const flowId of activity.outgoing) {
      const target = model.activities[model.sequenceFlows[flowId]?.targetRef ?? ''];
      if (target) {
        rt.subscriptions.subscribe(pi, ai, target, 'timer-intermediate-transition');
      }
    }
  },

  signal({ pi, ai: gateway, activity }, { eventId, variables }, rt) {
    const parentId = gateway.parentId ?? pi.id;
    const model = rt.tree.model(pi);
    const flowId = activity.outgoing.find((id) => model.sequenceFlows[id]?.targetRef === eventId);
    rt.listeners.invokeListeners(pi, gateway.id, activity.listeners, 'end');
    rt.tree.removeActivityInstance(pi, gateway, false);
    if (flowId) {
      rt.listeners.invokeFlowListeners(pi, parentId, flowId);
    }
    const eventInstance = rt.tree.createActivityInstance(pi, parentId, eventId);
    rt.variables.setVariables(pi, eventInstance.id, variables);
    const event = rt.tree.activity(pi, eventId);
    rt.enterScope(pi, eventInstance, event);
    if (pi.activityInstances[eventInstance.id]) {
      rt.leave(pi, eventInstance);
    }
  },
};
