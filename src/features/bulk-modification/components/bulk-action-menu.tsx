import { Button } from '@carbon/react';
import { useId } from 'react';

import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel } from '../../../modification/model/bpmn-index';
import { bulkActions, describeBulkInstruction } from '../model/bulk-actions';
import type { BulkAction } from '../model/bulk-actions';
import type { BulkInstruction } from '../model/bulk-plan';
import { ActionButtonList } from '../../../modification/components/action-button-list';
import { describeElementType } from '../../../modification/components/element-picker';

export interface BulkActionMenuProps {
  index: BpmnIndex;
  elementId: string;
  /** The activity a pending move takes the tokens from. */
  moveSourceId: string | null;
  onAdd: (instructions: BulkInstruction[]) => void;
  onMoveSourceChange: (activityId: string | null) => void;
  /** Says what happened, for a live region. */
  onAnnounce: (message: string) => void;
}

/**
 * What can be done with the selected element in every selected instance, as buttons. Actions
 * that are not possible stay visible, disabled, with the reason as text.
 */
export function BulkActionMenu({
  index,
  elementId,
  moveSourceId,
  onAdd,
  onMoveSourceChange,
  onAnnounce,
}: BulkActionMenuProps) {
  const headingId = useId();
  const element = index.elements.get(elementId);
  if (element === undefined) {
    return null;
  }
  const actions = bulkActions(index, elementId, moveSourceId);

  const handleAction = (action: BulkAction) => {
    if (action.kind === 'moveFrom') {
      onMoveSourceChange(elementId);
      onAnnounce(
        `Move started from ${elementLabel(index, elementId)}: now choose the target element.`,
      );
      return;
    }
    onAdd(action.instructions);
    if (action.kind === 'moveHere') {
      onMoveSourceChange(null);
    }
    const sentences = action.instructions.map((instruction) =>
      describeBulkInstruction(instruction, index),
    );
    onAnnounce(`Added to the plan: ${sentences.join('; then ')}.`);
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="modification-workspace__subheading">
        Actions for {elementLabel(index, elementId)}
      </h3>
      <p className="modification-workspace__hint">{describeElementType(element)}</p>
      <ActionButtonList
        actions={actions}
        onAction={handleAction}
        // The source of the move being built: its disabled button says what to do next.
        describeReason={(action, reason) =>
          action.kind === 'moveFrom' ? reason : `Not possible: ${reason}`
        }
      />
      {moveSourceId !== null && (
        <Button
          kind="ghost"
          size="sm"
          onClick={() => {
            onMoveSourceChange(null);
            onAnnounce('Move cancelled.');
          }}
        >
          Cancel the move
        </Button>
      )}
    </section>
  );
}
