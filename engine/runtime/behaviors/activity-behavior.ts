/**
 * One behaviour per activity kind, as Camunda's `ActivityBehavior` (`execute`) and
 * `SignallableActivityBehavior` (`signal`): what an activity instance does once its scope has
 * been entered, and what it does when the event it waits for arrives.
 */
import type { Activity } from '../../model/process-model';
import type { TypedValue } from '../../variables';
import type { ProcessRuntime } from '../process-runtime';
import type { ActivityInstanceRec, ProcessInstanceState } from '../state';

/** The activity instance a behaviour acts on. */
export interface ActivityExecution {
  readonly pi: ProcessInstanceState;
  readonly ai: ActivityInstanceRec;
  readonly activity: Activity;
}

/** An event an activity instance waited for. */
export interface ActivityEvent {
  /** The catching element: the activity itself, or an event after an event-based gateway. */
  readonly eventId: string;
  readonly variables: Record<string, TypedValue>;
  /** The subscription the event came through; null for a timer job. */
  readonly subscriptionId: string | null;
}

export interface ActivityBehavior {
  readonly execute: (execution: ActivityExecution, rt: ProcessRuntime) => void;
  /** Wait states only: the awaited event arrived. */
  readonly signal?: (
    execution: ActivityExecution,
    event: ActivityEvent,
    rt: ProcessRuntime,
  ) => void;
}
