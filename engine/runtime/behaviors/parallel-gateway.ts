/**
 * A parallel gateway forks a token onto every outgoing flow; with several incoming flows it first
 * waits for as many tokens as it has incoming flows (Camunda's `ParallelGatewayActivityBehavior`).
 */
import type { ActivityBehavior } from './activity-behavior';
import { fireJoin, waitingAtJoin } from './gateway-join';

export const parallelGatewayBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    if (activity.incoming.length <= 1) {
      rt.leave(pi, ai);
      return;
    }
    ai.joinWaiting = true;
    const waiting = waitingAtJoin(rt, pi, ai.parentId ?? pi.id, activity.id);
    if (waiting.length < activity.incoming.length) {
      return;
    }
    fireJoin(rt, pi, ai, waiting.slice(0, activity.incoming.length), () => undefined);
  },
};
