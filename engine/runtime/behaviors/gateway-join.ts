/**
 * The joining half of parallel and inclusive gateways: every token that arrives waits as an
 * activity instance of the gateway (`joinWaiting`) until the join fires; then one of them goes on
 * and the others end, as Camunda's `ParallelGatewayActivityBehavior` ends the joined executions.
 */
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';

/** The tokens waiting at the join `activityId` in the scope instance `scopeId`, oldest first. */
export function waitingAtJoin(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scopeId: string,
  activityId: string,
): ActivityInstanceRec[] {
  return rt.tree
    .childInstances(pi, scopeId)
    .filter((other) => other.activityId === activityId && other.joinWaiting);
}

/**
 * Fires a join: the `joined` tokens other than `ai` end, and `ai` leaves by the flows `chooseFlows`
 * picks once they have (undefined: every outgoing flow).
 */
export function fireJoin(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  ai: ActivityInstanceRec,
  joined: ActivityInstanceRec[],
  chooseFlows: () => string[] | undefined,
): void {
  for (const other of joined) {
    if (other.id !== ai.id) {
      rt.tree.removeActivityInstance(pi, other, false);
    }
  }
  ai.joinWaiting = false;
  rt.leave(pi, ai, chooseFlows());
}
