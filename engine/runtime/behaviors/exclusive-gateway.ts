/**
 * An exclusive gateway takes one outgoing flow (Camunda's `ExclusiveGatewayActivityBehavior`):
 * the first, in definition order, whose condition holds or that has none; the default flow only
 * when none does; without one the process cannot go on.
 */
import { ProcessEngineException } from '../../errors';
import type { ActivityBehavior } from './activity-behavior';

export const exclusiveGatewayBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const model = rt.tree.model(pi);
    for (const flowId of activity.outgoing) {
      const flow = model.sequenceFlows[flowId];
      if (!flow || flowId === activity.defaultFlow) {
        continue;
      }
      if (flow.condition === null || rt.expressions.isTrue(pi, ai.id, flow.condition)) {
        rt.leave(pi, ai, [flowId]);
        return;
      }
    }
    if (activity.defaultFlow) {
      rt.leave(pi, ai, [activity.defaultFlow]);
      return;
    }
    throw new ProcessEngineException(
      `ENGINE-02004 No outgoing sequence flow for the element with id '${activity.id}' could be selected for continuing the process.`,
    );
  },
};
