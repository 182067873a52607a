/**
 * What an operator can do with one diagram element for many instances at once. Without a
 * particular instance there are no tokens to count or pick: every action names an activity or a
 * sequence flow, and Camunda applies it in each selected instance (Camunda's `ModificationRestService`).
 */
import type {
  BpmnActivity,
  BpmnIndex,
  BpmnSequenceFlow,
} from '../../../modification/model/bpmn-index';
import {
  MI_BODY_SUFFIX,
  elementLabel,
  getActivity,
  getSequenceFlow,
  innerActivityId,
  isMultiInstanceBodyId,
} from '../../../modification/model/bpmn-index';
import type { BulkInstruction } from './bulk-plan';
import { flowLabel } from '../../../modification/model/describe-instruction';
import { startAfterActions } from '../../../modification/model/start-after-actions';

export type BulkActionKind =
  | 'startBefore'
  | 'startMultiInstanceBody'
  | 'startAfter'
  | 'startTransition'
  | 'cancel'
  | 'moveFrom'
  | 'moveHere';

export interface BulkAction {
  /** Unique within one element's list. */
  id: string;
  kind: BulkActionKind;
  label: string;
  enabled: boolean;
  /** Why the action is not possible; null when enabled. */
  reason: string | null;
  /** A consequence worth knowing before choosing it. */
  note: string | null;
  /** What choosing it appends to the plan, as one change; empty for `moveFrom`. */
  instructions: BulkInstruction[];
}

/** The actions for an activity or sequence flow, in menu order; `moveSourceId` is a pending move. */
export function bulkActions(
  index: BpmnIndex,
  elementId: string,
  moveSourceId: string | null,
): BulkAction[] {
  const activity = getActivity(index, elementId);
  if (activity !== undefined && activity.id === elementId) {
    return activityActions(index, activity, moveSourceId);
  }
  const flow = getSequenceFlow(index, elementId);
  return flow === undefined ? [] : flowActions(index, flow, moveSourceId);
}

function activityActions(
  index: BpmnIndex,
  activity: BpmnActivity,
  moveSourceId: string | null,
): BulkAction[] {
  const label = elementLabel(index, activity.id);
  const refusal = activity.isCompensationBoundary
    ? 'Camunda cannot start a compensation boundary event.'
    : null;
  const startTarget: BulkInstruction = {
    type: 'startBeforeActivity',
    activityId: activity.multiInstance === null ? activity.id : `${activity.id}${MI_BODY_SUFFIX}`,
  };
  const actions: BulkAction[] = [];
  const moveHere = moveHereAction(index, activity.id, moveSourceId, startTarget, `before ${label}`);
  if (moveHere !== null) {
    actions.push({ ...moveHere, enabled: refusal === null, reason: refusal });
  }
  actions.push({
    id: 'start-before',
    kind: activity.multiInstance === null ? 'startBefore' : 'startMultiInstanceBody',
    label:
      activity.multiInstance === null
        ? `Start before ${label}`
        : `Start the whole multi-instance ${label}`,
    enabled: refusal === null,
    reason: refusal,
    note: startBeforeNote(index, activity),
    instructions: [startTarget],
  });
  actions.push(
    ...startAfterActions(index, activity, (flow) => `Start on ${flowLabel(index, flow.id)}`),
  );
  actions.push({
    id: 'cancel',
    kind: 'cancel',
    label: `Cancel all tokens at ${label}`,
    enabled: true,
    reason: null,
    note: activity.isContainer ? 'Everything inside each instance of it is cancelled too.' : null,
    instructions: [
      { type: 'cancel', activityId: activity.id, cancelCurrentActiveActivityInstances: false },
    ],
  });
  const isMoveSource = moveSourceId === activity.id;
  actions.push({
    id: 'move-from',
    kind: 'moveFrom',
    label: 'Move the tokens from here to another element…',
    enabled: !isMoveSource,
    reason: isMoveSource ? 'Now choose where to move them: select the target element.' : null,
    note: null,
    instructions: [],
  });
  return actions;
}

function flowActions(
  index: BpmnIndex,
  flow: BpmnSequenceFlow,
  moveSourceId: string | null,
): BulkAction[] {
  const start: BulkInstruction = { type: 'startTransition', transitionId: flow.id };
  const moveHere = moveHereAction(index, flow.id, moveSourceId, start, 'on this sequence flow');
  return [
    ...(moveHere === null ? [] : [moveHere]),
    {
      id: 'start-transition',
      kind: 'startTransition',
      label: `Start a token on this sequence flow (to ${elementLabel(index, flow.targetRef)})`,
      enabled: true,
      reason: null,
      note: flow.hasCondition ? 'Its condition is not evaluated.' : null,
      instructions: [start],
    },
  ];
}

function moveHereAction(
  index: BpmnIndex,
  elementId: string,
  moveSourceId: string | null,
  start: BulkInstruction,
  where: string,
): BulkAction | null {
  if (moveSourceId === null || moveSourceId === elementId) {
    return null;
  }
  return {
    id: 'move-here',
    kind: 'moveHere',
    label: `Move here: cancel the tokens at ${elementLabel(index, moveSourceId)}, start one ${where}`,
    enabled: true,
    reason: null,
    note: null,
    instructions: [
      { type: 'cancel', activityId: moveSourceId, cancelCurrentActiveActivityInstances: false },
      start,
    ],
  };
}

function startBeforeNote(index: BpmnIndex, activity: BpmnActivity): string | null {
  if (activity.type === 'boundaryEvent') {
    const attached = elementLabel(index, activity.attachedToRef ?? '');
    return activity.interrupting
      ? `Interrupts ${attached} where it has a token; an instance where it has several fails the request.`
      : `Does not interrupt ${attached}.`;
  }
  if (activity.interruptsScope) {
    return 'Interrupts its scope: every other token inside it is cancelled.';
  }
  if (activity.isTerminateEnd) {
    return `Terminates ${elementLabel(index, activity.containerId)} at once.`;
  }
  if (activity.type === 'endEvent') {
    return 'The new token ends at once; nothing else changes.';
  }
  if (activity.multiInstance !== null) {
    return 'Starts a new set of instances, as many as the multi-instance is configured for.';
  }
  return null;
}

/** One instruction for many instances, as a plain-language sentence (no trailing period). */
export function describeBulkInstruction(instruction: BulkInstruction, index: BpmnIndex): string {
  switch (instruction.type) {
    case 'cancel': {
      const label = elementLabel(index, instruction.activityId);
      return instruction.cancelCurrentActiveActivityInstances
        ? `Cancel the tokens at ${label} that were active before this modification began (tokens started by earlier instructions stay)`
        : `Cancel every token at ${label}, including tokens started by earlier instructions`;
    }
    case 'startBeforeActivity':
      return isMultiInstanceBodyId(instruction.activityId)
        ? `Start the whole multi-instance ${elementLabel(index, innerActivityId(instruction.activityId))}`
        : `Start a token before ${elementLabel(index, instruction.activityId)}`;
    case 'startAfterActivity': {
      const outgoing = getActivity(index, instruction.activityId)?.outgoing ?? [];
      const flow = outgoing.length === 1 ? getSequenceFlow(index, outgoing[0] ?? '') : undefined;
      return (
        `Start a token after ${elementLabel(index, instruction.activityId)}` +
        (flow === undefined
          ? ''
          : ` (on its outgoing flow to ${elementLabel(index, flow.targetRef)})`)
      );
    }
    case 'startTransition':
      return `Start a token on ${flowLabel(index, instruction.transitionId)}`;
  }
}
