import type { IncidentDto } from '../../../contract/camunda/job';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';

/** What the diagram shows on one element: how many tokens are where, and what is stuck. */
export interface TokenOverlay {
  /** Activity instances of the element (a subprocess counts as one, beside its children). */
  active: number;
  /** Transition instances: tokens waiting in an async continuation (asyncBefore/asyncAfter). */
  transitions: number;
  /** Open incidents at the element. */
  incidents: number;
}

/** How Camunda names the scope that wraps the instances of a multi-instance activity `X`. */
const MULTI_INSTANCE_BODY_SUFFIX = '#multiInstanceBody';

/**
 * The diagram element an activity id of the tree stands for: `X#multiInstanceBody` is drawn as
 * `X` (the body has no shape of its own); every other id is its own element.
 */
export function toElementId(activityId: string): string {
  return activityId.endsWith(MULTI_INSTANCE_BODY_SUFFIX)
    ? activityId.slice(0, -MULTI_INSTANCE_BODY_SUFFIX.length)
    : activityId;
}

/** Whether the tree node is a multi-instance body (Camunda's `multiInstanceBody` type). */
export function isMultiInstanceBody(activityId: string): boolean {
  return activityId.endsWith(MULTI_INSTANCE_BODY_SUFFIX);
}

/**
 * Counts, per diagram element, the tokens of the activity instance tree and the incidents.
 *
 * - The root (the process instance itself) is not counted: it is the whole diagram.
 * - A multi-instance body counts toward its activity `X`, but only with what it holds itself:
 *   its inner instances already show how many of `X` run, and one more for the body would
 *   make 3 parallel instances read as 4. Transition instances and incidents of the body (an
 *   asyncBefore on a multi-instance activity waits at the body) do count toward `X`.
 * - Incidents come from both the tree (`incidents` of each instance) and the incident list,
 *   counted once per incident id, so either source alone suffices.
 */
export function toTokenOverlays(
  tree: ActivityInstanceDto,
  incidents: readonly IncidentDto[] = [],
): Map<string, TokenOverlay> {
  const counts = new Map<string, TokenOverlay>();
  const overlayOf = (activityId: string): TokenOverlay => {
    const elementId = toElementId(activityId);
    let entry = counts.get(elementId);
    if (entry === undefined) {
      entry = { active: 0, transitions: 0, incidents: 0 };
      counts.set(elementId, entry);
    }
    return entry;
  };

  const incidentActivities = new Map<string, string>();
  const visit = (instance: ActivityInstanceDto, isRoot: boolean) => {
    if (!isRoot && !isMultiInstanceBody(instance.activityId)) {
      overlayOf(instance.activityId).active += 1;
    }
    for (const incident of instance.incidents) {
      incidentActivities.set(incident.id, incident.activityId);
    }
    for (const transition of instance.childTransitionInstances) {
      overlayOf(transition.activityId).transitions += 1;
      for (const incident of transition.incidents) {
        incidentActivities.set(incident.id, incident.activityId);
      }
    }
    for (const child of instance.childActivityInstances) {
      visit(child, false);
    }
  };
  visit(tree, true);

  for (const incident of incidents) {
    if (incident.activityId !== null) {
      incidentActivities.set(incident.id, incident.activityId);
    }
  }
  for (const activityId of incidentActivities.values()) {
    if (activityId !== '') {
      overlayOf(activityId).incidents += 1;
    }
  }
  return counts;
}
