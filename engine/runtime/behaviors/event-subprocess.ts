/**
 * An event subprocess starts when the event of its start event occurs in the scope that contains
 * it (Camunda's `EventSubProcessStartEventActivityBehavior`): an interrupting start event first
 * cancels everything else in that scope.
 */
import type { TypedValue } from '../../variables';
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';

/** The start event `startEventId` of an event subprocess fired in the scope instance `scope`. */
export function triggerEventSubProcess(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  scope: ActivityInstanceRec,
  startEventId: string,
  variables: Record<string, TypedValue>,
): void {
  const start = rt.tree.activity(pi, startEventId);
  if (start.interrupting) {
    rt.interruptScope(pi, scope);
  }
  rt.variables.setVariables(pi, scope.id, variables);
  const esp = rt.enterScopeOnly(pi, scope.id, start.parentId);
  if (pi.activityInstances[esp.id]) {
    rt.execute(pi, esp.id, start.id);
  }
}
