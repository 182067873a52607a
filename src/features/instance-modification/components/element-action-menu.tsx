import { useId, useMemo } from 'react';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { tokensAt } from '../../../modification/model/activity-tree';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel } from '../../../modification/model/bpmn-index';
import { removedBefore } from '../model/cancelled-instances';
import { describeInstruction } from '../../../modification/model/describe-instruction';
import type { InstanceDetails } from '../model/instance-details';
import { summarizeVariables } from '../model/instance-details';
import { legalActions } from '../model/legal-actions';
import type { LegalAction } from '../model/legal-actions';
import { useModificationPlan } from '../use-modification-plan';
import { ActionButtonList } from '../../../modification/components/action-button-list';
import { describeElementType } from '../../../modification/components/element-picker';

export interface ElementActionMenuProps {
  index: BpmnIndex;
  /** The instance as it is now: actions refer to its tokens. */
  tree: ActivityInstanceDto;
  elementId: string;
  details: InstanceDetails;
  /** Says what happened, for a live region. */
  onAnnounce: (message: string) => void;
}

/**
 * What can be done with the selected element, as buttons in a list. Actions that are not
 * possible stay visible, disabled, with the reason as text.
 */
export function ElementActionMenu({
  index,
  tree,
  elementId,
  details,
  onAnnounce,
}: ElementActionMenuProps) {
  const { plan, dispatch, moveSource, setMoveSource } = useModificationPlan();
  const headingId = useId();
  const actions = useMemo(
    () =>
      legalActions(index, tree, elementId, {
        moveSource,
        plannedRemovals: removedBefore(tree, plan.instructions, plan.instructions.length),
      }),
    [index, tree, elementId, moveSource, plan.instructions],
  );
  const element = index.elements.get(elementId);
  if (element === undefined) {
    return null;
  }
  const tokenCount = element.kind === 'activity' ? tokensAt(tree, elementId).length : 0;

  const handleAction = (action: LegalAction) => {
    if (action.kind === 'moveFrom') {
      setMoveSource({ activityId: elementId });
      onAnnounce(`Move started from ${elementLabel(index, elementId)}.`);
      return;
    }
    dispatch({ type: 'add', instructions: action.instructions, tree });
    if (action.kind === 'moveHere') {
      setMoveSource(null);
    }
    const sentences = action.instructions.map((instruction) =>
      describeInstruction(instruction, { index, tree, startTimes: details.startTimes }),
    );
    onAnnounce(`Added to the plan: ${sentences.join('; then ')}.`);
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="modification-workspace__subheading">
        Actions for {elementLabel(index, elementId)}
      </h3>
      <p className="modification-workspace__hint">
        {describeElementType(element)}
        {element.kind === 'activity' &&
          ` · ${tokenCount === 0 ? 'no token' : `${tokenCount} token${tokenCount === 1 ? '' : 's'}`}`}
      </p>
      <ActionButtonList
        actions={actions}
        onAction={handleAction}
        describeInstance={(action) =>
          action.instanceId === undefined
            ? null
            : instanceSummary(action, action.instanceId, details)
        }
      />
    </section>
  );
}

function instanceSummary(
  action: LegalAction,
  instanceId: string,
  details: InstanceDetails,
): string {
  const variables = summarizeVariables(details.variablesByInstance.get(instanceId));
  return [
    action.kind === 'cancelTransition'
      ? waitingPhrase(details.waitingSince.get(instanceId))
      : startedPhrase(details.startTimes.get(instanceId)),
    variables === '' ? 'no local variables' : `variables: ${variables}`,
  ].join(' · ');
}

function startedPhrase(started: string | undefined): string {
  return started === undefined ? 'Start time unknown' : `Started ${started}`;
}

/**
 * A token in an async continuation waits for its job: before the activity, which has not started,
 * or after it, which has ended. So it has no start, only the time it began to wait.
 */
function waitingPhrase(since: string | undefined): string {
  return since === undefined ? 'Waiting since an unknown time' : `Waiting since ${since}`;
}
