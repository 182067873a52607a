/**
 * A boundary event fires on the activity instance it is attached to (Camunda's
 * `BoundaryEventActivityBehavior`): an interrupting one cancels that instance first, a
 * non-interrupting one leaves it running; either way the event's path starts beside it.
 */
import type { TypedValue } from '../../variables';
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';
import type { ActivityBehavior } from './activity-behavior';

export const boundaryEventBehavior: ActivityBehavior = {
  execute({ pi, ai }, rt) {
    rt.leave(pi, ai);
  },
};

/** A boundary event fires on `owner`: interrupting ones cancel it first. */
export function triggerBoundaryEvent(
  rt: ProcessRuntime,
  pi: ProcessInstanceState,
  owner: ActivityInstanceRec,
  boundaryId: string,
  variables: Record<string, TypedValue>,
): void {
  const boundary = rt.tree.activity(pi, boundaryId);
  const parentId = owner.parentId ?? pi.id;
  if (boundary.interrupting) {
    rt.cancelActivityInstance(pi, owner);
  }
  rt.variables.setVariables(pi, parentId, variables);
  rt.execute(pi, parentId, boundaryId);
}
