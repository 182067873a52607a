import type { BpmnActivity, BpmnIndex, BpmnSequenceFlow } from './bpmn-index';
import { capitalize, elementLabel, getSequenceFlow } from './bpmn-index';

/** A start-after action or one of the start-on-flow actions offered instead. */
export interface StartAfterAction {
  id: string;
  kind: 'startAfter' | 'startTransition';
  label: string;
  enabled: boolean;
  reason: string | null;
  note: string | null;
  instructions: [
    | { type: 'startAfterActivity'; activityId: string }
    | { type: 'startTransition'; transitionId: string },
  ];
}

/**
 * Start after an activity: possible with exactly one outgoing flow (Camunda's
 * `ActivityAfterInstantiationCmd` refuses none or several), so with several each flow is offered instead, worded by `flowActionLabel`.
 * The same for one instance and for many.
 */
export function startAfterActions(
  index: BpmnIndex,
  activity: BpmnActivity,
  flowActionLabel: (flow: BpmnSequenceFlow) => string = (flow) =>
    flow.name === null
      ? `Start on the flow to ${elementLabel(index, flow.targetRef)}`
      : `Start on flow '${flow.name}' to ${elementLabel(index, flow.targetRef)}`,
): StartAfterAction[] {
  const label = elementLabel(index, activity.id);
  const outgoing = activity.outgoing
    .map((flowId) => getSequenceFlow(index, flowId))
    .filter((flow): flow is BpmnSequenceFlow => flow !== undefined);
  const [single] = outgoing;
  const startAfter: StartAfterAction = {
    id: 'start-after',
    kind: 'startAfter',
    label: `Start after ${label}`,
    enabled: outgoing.length === 1,
    reason:
      outgoing.length === 0
        ? `${capitalize(label)} has no outgoing sequence flow.`
        : outgoing.length > 1
          ? `${capitalize(label)} has ${String(outgoing.length)} outgoing flows – choose one of them.`
          : null,
    note:
      single !== undefined && outgoing.length === 1
        ? `Takes its outgoing flow to ${elementLabel(index, single.targetRef)}; ${label} itself does not run.`
        : null,
    instructions: [{ type: 'startAfterActivity', activityId: activity.id }],
  };
  if (outgoing.length <= 1) {
    return [startAfter];
  }
  return [
    startAfter,
    ...outgoing.map((flow): StartAfterAction => ({
      id: `start-transition-${flow.id}`,
      kind: 'startTransition',
      label: flowActionLabel(flow),
      enabled: true,
      reason: null,
      note: flow.hasCondition ? 'Its condition is not evaluated.' : null,
      instructions: [{ type: 'startTransition', transitionId: flow.id }],
    })),
  ];
}
