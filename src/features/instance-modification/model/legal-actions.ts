/**
 * What an operator can do with one diagram element, and in plain words why not when they cannot
 * – before anything is sent. The rules are Camunda's (the instantiation and cancellation commands of its `ModifyProcessInstanceCmd`, and
 * https://docs.camunda.org/manual/latest/user-guide/process-engine/process-instance-modification/); the engine's preview
 * still has the last word on the whole plan.
 */
import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { shortInstanceId, tokensAt } from '../../../modification/model/activity-tree';
import type {
  BpmnActivity,
  BpmnIndex,
  BpmnSequenceFlow,
} from '../../../modification/model/bpmn-index';
import {
  MI_BODY_SUFFIX,
  capitalize,
  elementLabel,
  getActivity,
  getSequenceFlow,
} from '../../../modification/model/bpmn-index';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { startAfterActions } from '../../../modification/model/start-after-actions';

export type LegalActionKind =
  | 'startBefore'
  | 'startMultiInstanceBody'
  | 'startInnerInstance'
  | 'startAfter'
  | 'startTransition'
  | 'cancelAll'
  | 'cancelInstance'
  | 'cancelTransition'
  | 'moveFrom'
  | 'moveHere';

export interface LegalAction {
  /** Unique within one element's list. */
  id: string;
  kind: LegalActionKind;
  label: string;
  enabled: boolean;
  /** Why the action is not possible; null when enabled. */
  reason: string | null;
  /** A consequence worth knowing before choosing it. */
  note: string | null;
  /** What choosing it appends to the plan, as one change; empty for `moveFrom`. */
  instructions: ModificationInstruction[];
  /** For `cancelInstance` / `cancelTransition`: the instance concerned. */
  instanceId?: string;
}

/** The tokens a pending move takes away: every token of this activity. */
export interface MoveSource {
  activityId: string;
}

export interface LegalActionOptions {
  /** Set while the operator chooses where to move tokens to. */
  moveSource?: MoveSource | null;
  /** Instances the plan already cancels: they no longer count as tokens here. */
  plannedRemovals?: ReadonlySet<string>;
}

export const NO_TOKEN_REASON = 'No active token here.';

/** The actions for the element `elementId` (an activity or a sequence flow), in menu order. */
export function legalActions(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  elementId: string,
  options: LegalActionOptions = {},
): LegalAction[] {
  const activity = getActivity(index, elementId);
  if (activity !== undefined && activity.id === elementId) {
    return activityActions(index, tree, activity, options);
  }
  const flow = getSequenceFlow(index, elementId);
  if (flow !== undefined) {
    return flowActions(index, tree, flow, options);
  }
  return [];
}

function activityActions(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  activity: BpmnActivity,
  options: LegalActionOptions,
): LegalAction[] {
  const removals = options.plannedRemovals ?? new Set<string>();
  const label = elementLabel(index, activity.id);
  const actions: LegalAction[] = [];

  const moveHere = moveHereAction(index, tree, activity.id, options, () => ({
    instruction: {
      type: 'startBeforeActivity',
      activityId: activity.multiInstance === null ? activity.id : `${activity.id}${MI_BODY_SUFFIX}`,
    },
    where: `before ${label}`,
    refusal: startBeforeRefusal(index, tree, activity, removals),
  }));
  if (moveHere !== null) {
    actions.push(moveHere);
  }

  actions.push(...startActions(index, tree, activity, removals));
  actions.push(...startAfterActions(index, activity));

  const tokens = tokensAt(tree, activity.id, removals);
  const allTokens = tokensAt(tree, activity.id);
  const noTokenReason =
    allTokens.length > 0 ? 'The plan already cancels every token here.' : NO_TOKEN_REASON;
  const cancelLabel = activity.isContainer
    ? tokens.length === 1
      ? `Cancel the instance of ${label} with everything inside it`
      : `Cancel all ${tokens.length} instances of ${label} with everything inside them`
    : tokens.length === 1
      ? `Cancel the token at ${label}`
      : `Cancel all ${tokens.length} tokens at ${label}`;
  actions.push({
    id: 'cancel-all',
    kind: 'cancelAll',
    label: tokens.length === 0 ? `Cancel all tokens at ${label}` : cancelLabel,
    enabled: tokens.length > 0,
    reason: tokens.length > 0 ? null : noTokenReason,
    note: null,
    instructions: [{ type: 'cancel', activityId: activity.id }],
  });

  for (const token of tokens) {
    const id = token.instance.id;
    if (token.kind === 'activity') {
      actions.push({
        id: `cancel-instance-${id}`,
        kind: 'cancelInstance',
        label: `Cancel token ${shortInstanceId(id)}`,
        enabled: true,
        reason: null,
        note: activity.isContainer ? 'Everything inside this instance is cancelled too.' : null,
        instructions: [{ type: 'cancel', activityInstanceId: id }],
        instanceId: id,
      });
    } else {
      actions.push({
        id: `cancel-transition-${id}`,
        kind: 'cancelTransition',
        label: `Cancel the waiting async continuation ${shortInstanceId(id)}`,
        enabled: true,
        reason: null,
        note:
          // Camunda waits in a transition instance before an asyncBefore activity starts or after
          // an asyncAfter one ended; cancelling it deletes the job either way.
          'Its job is deleted: an activity waiting to start never runs, and one waiting to be left (async after) does not take its outgoing flows.',
        instructions: [{ type: 'cancel', transitionInstanceId: id }],
        instanceId: id,
      });
    }
  }

  const isMoveSource = options.moveSource?.activityId === activity.id;
  actions.push({
    id: 'move-from',
    kind: 'moveFrom',
    label:
      tokens.length <= 1
        ? 'Move the token from here to another element…'
        : `Move all ${tokens.length} tokens from here to another element…`,
    enabled: tokens.length > 0 && !isMoveSource,
    reason: isMoveSource
      ? 'Now choose where to move them: select the target element.'
      : tokens.length > 0
        ? null
        : noTokenReason,
    note: tokens.length > 1 ? 'One new token starts at the target.' : null,
    instructions: [],
  });
  return actions;
}

function startActions(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  activity: BpmnActivity,
  removals: ReadonlySet<string>,
): LegalAction[] {
  const refusal = startBeforeRefusal(index, tree, activity, removals);
  const note = startBeforeNote(index, tree, activity, removals);
  if (activity.multiInstance === null) {
    return [
      {
        id: 'start-before',
        kind: 'startBefore',
        label: `Start before ${elementLabel(index, activity.id)}`,
        enabled: refusal === null,
        reason: refusal,
        note,
        instructions: [{ type: 'startBeforeActivity', activityId: activity.id }],
      },
    ];
  }

  const cardinality = activity.multiInstance.loopCardinality;
  const all =
    cardinality !== null && /^\d+$/.test(cardinality) ? `all ${cardinality}` : 'a new set of';
  const bodies = tokensAt(tree, `${activity.id}${MI_BODY_SUFFIX}`, removals);
  const inner: LegalAction = {
    id: 'start-inner-instance',
    kind: 'startInnerInstance',
    label:
      bodies.length === 0
        ? 'Start a single instance (a new multi-instance with exactly one instance)'
        : 'Add one more instance to the running multi-instance',
    enabled: refusal === null,
    reason: refusal,
    note: null,
    instructions: [{ type: 'startBeforeActivity', activityId: activity.id }],
  };
  if (refusal === null && bodies.length > 0 && activity.multiInstance.sequential) {
    inner.enabled = false;
    inner.reason =
      'A sequential multi-instance runs one instance at a time: Camunda cannot add one next to the running instance.';
  }
  return [
    {
      id: 'start-multi-instance-body',
      kind: 'startMultiInstanceBody',
      label: `Start the whole multi-instance (${all} instances)`,
      enabled: refusal === null,
      reason: refusal,
      note,
      instructions: [
        { type: 'startBeforeActivity', activityId: `${activity.id}${MI_BODY_SUFFIX}` },
      ],
    },
    inner,
  ];
}

function flowActions(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  flow: BpmnSequenceFlow,
  options: LegalActionOptions,
): LegalAction[] {
  const actions: LegalAction[] = [];
  const instruction: ModificationInstruction = { type: 'startTransition', transitionId: flow.id };
  const moveHere = moveHereAction(index, tree, flow.id, options, () => ({
    instruction,
    where: `on this sequence flow`,
    refusal: null,
  }));
  if (moveHere !== null) {
    actions.push(moveHere);
  }
  actions.push({
    id: 'start-transition',
    kind: 'startTransition',
    label: `Start a token on this sequence flow (to ${elementLabel(index, flow.targetRef)})`,
    enabled: true,
    reason: null,
    note: flow.hasCondition ? 'Its condition is not evaluated.' : null,
    instructions: [instruction],
  });
  return actions;
}

function moveHereAction(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  elementId: string,
  options: LegalActionOptions,
  target: () => { instruction: ModificationInstruction; where: string; refusal: string | null },
): LegalAction | null {
  const source = options.moveSource;
  if (source === undefined || source === null) {
    return null;
  }
  const count = tokensAt(tree, source.activityId, options.plannedRemovals).length;
  const { instruction, where, refusal } = target();
  const from = elementLabel(index, source.activityId);
  return {
    id: 'move-here',
    kind: 'moveHere',
    label:
      count === 1
        ? `Move here: cancel the token at ${from}, start a new one ${where}`
        : `Move here: cancel all ${count} tokens at ${from}, start a new one ${where}`,
    enabled: refusal === null && count > 0,
    reason: refusal ?? (count > 0 ? null : `${capitalize(from)} has no active token any more.`),
    note: null,
    instructions: [{ type: 'cancel', activityId: source.activityId }, instruction],
  };
}

/** Why Camunda would refuse to start before this activity; null when it would not. */
function startBeforeRefusal(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  activity: BpmnActivity,
  removals: ReadonlySet<string>,
): string | null {
  if (activity.isCompensationBoundary) {
    return 'Camunda cannot start a compensation boundary event.';
  }
  if (activity.type === 'boundaryEvent' && activity.interrupting) {
    const attachedCount = attachedTokens(index, tree, activity, removals);
    if (attachedCount > 1) {
      return `${capitalize(elementLabel(index, activity.attachedToRef ?? ''))} has ${attachedCount} tokens: Camunda cannot tell which one this interrupting event should interrupt.`;
    }
  }
  return null;
}

function startBeforeNote(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  activity: BpmnActivity,
  removals: ReadonlySet<string>,
): string | null {
  if (activity.type === 'boundaryEvent') {
    const attached = elementLabel(index, activity.attachedToRef ?? '');
    if (!activity.interrupting) {
      return `Does not interrupt ${attached}.`;
    }
    return attachedTokens(index, tree, activity, removals) === 1
      ? `Interrupts ${attached}: its token is cancelled first.`
      : `${capitalize(attached)} has no token, so nothing is interrupted.`;
  }
  if (activity.interruptsScope) {
    const container = getActivity(index, activity.containerId);
    const scopeId =
      container?.isEventSubProcess === true ? container.containerId : activity.containerId;
    return `Interrupts ${elementLabel(index, scopeId)}: every other token inside it is cancelled.`;
  }
  if (activity.isTerminateEnd) {
    return `Terminates ${elementLabel(index, activity.containerId)} at once.`;
  }
  if (activity.type === 'endEvent') {
    return 'The new token ends at once; nothing else changes.';
  }
  return null;
}

/** Instances of the activity a boundary event is attached to (its body, for a multi-instance). */
function attachedTokens(
  index: BpmnIndex,
  tree: ActivityInstanceDto,
  boundary: BpmnActivity,
  removals: ReadonlySet<string>,
): number {
  const attached = getActivity(index, boundary.attachedToRef ?? '');
  if (attached === undefined) {
    return 0;
  }
  const id = attached.multiInstance === null ? attached.id : `${attached.id}${MI_BODY_SUFFIX}`;
  return tokensAt(tree, id, removals).filter((token) => token.kind === 'activity').length;
}
