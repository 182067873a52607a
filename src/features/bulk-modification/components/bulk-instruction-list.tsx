import { Button, Checkbox } from '@carbon/react';
import { useId } from 'react';

import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { describeBulkInstruction } from '../model/bulk-actions';
import type { BulkPlanAction, BulkPlanState } from '../model/bulk-plan';

export interface BulkInstructionListProps {
  index: BpmnIndex;
  state: BulkPlanState;
  dispatch: (action: BulkPlanAction) => void;
  /** Says what happened, for a live region. */
  onAnnounce: (message: string) => void;
}

export const CANCEL_CURRENT_ONLY_LABEL = 'Cancel only the instances active now';

/**
 * The plan in order, one sentence per instruction, with reorder, remove, undo and – on cancels –
 * Camunda's `cancelCurrentActiveActivityInstances`, all from the keyboard.
 */
export function BulkInstructionList({
  index,
  state,
  dispatch,
  onAnnounce,
}: BulkInstructionListProps) {
  const idPrefix = useId();
  const headingId = `${idPrefix}-heading`;
  const { plan } = state;
  const last = plan.instructions.length - 1;

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="modification-workspace__subheading">
        Plan, applied to each selected instance
      </h3>
      <p className="instruction-list__note">
        For many instances Camunda takes only an activity or a sequence flow per instruction: no
        ancestor, no instance ids and no variables (they are not part of
        <code> /modification/execute</code>).
      </p>
      {plan.instructions.length === 0 ? (
        <p className="modification-workspace__hint">
          No instructions yet: choose an element and an action.
        </p>
      ) : (
        <ol className="instruction-list" aria-label="Instructions">
          {plan.instructions.map((instruction, position) => {
            const sentence = describeBulkInstruction(instruction, index);
            const helpId = `${idPrefix}-${String(position)}-help`;
            return (
              // Positions are the identity of instructions: the same one may occur twice.
              <li key={position} className="instruction-list__item">
                <span>
                  {position + 1}. {sentence}
                </span>
                {instruction.type === 'cancel' && (
                  <>
                    <Checkbox
                      id={`${idPrefix}-${String(position)}-current`}
                      labelText={CANCEL_CURRENT_ONLY_LABEL}
                      aria-describedby={helpId}
                      checked={instruction.cancelCurrentActiveActivityInstances}
                      onChange={(_, { checked }) => {
                        dispatch({ type: 'setCancelCurrentOnly', index: position, value: checked });
                      }}
                    />
                    <p id={helpId} className="instruction-list__note">
                      Ticked: Camunda decides what to cancel before the first instruction runs in an
                      instance, so tokens that earlier instructions of this request start survive.
                      Not ticked: it cancels whatever is there when this instruction runs, including
                      those new tokens.
                    </p>
                  </>
                )}
                <div className="instruction-list__buttons">
                  <Button
                    kind="ghost"
                    size="sm"
                    disabled={position === 0}
                    aria-label={`Move instruction ${String(position + 1)} up`}
                    onClick={() => {
                      dispatch({ type: 'move', from: position, to: position - 1 });
                      onAnnounce(
                        `Instruction ${String(position + 1)} is now instruction ${String(position)}.`,
                      );
                    }}
                  >
                    Up
                  </Button>
                  <Button
                    kind="ghost"
                    size="sm"
                    disabled={position === last}
                    aria-label={`Move instruction ${String(position + 1)} down`}
                    onClick={() => {
                      dispatch({ type: 'move', from: position, to: position + 1 });
                      onAnnounce(
                        `Instruction ${String(position + 1)} is now instruction ${String(position + 2)}.`,
                      );
                    }}
                  >
                    Down
                  </Button>
                  <Button
                    kind="ghost"
                    size="sm"
                    aria-label={`Remove instruction ${String(position + 1)}: ${sentence}`}
                    onClick={() => {
                      dispatch({ type: 'remove', index: position });
                      onAnnounce(`Removed: ${sentence}.`);
                    }}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="modification-workspace__buttons">
        <Checkbox
          id={`${idPrefix}-skip-listeners`}
          labelText="Skip custom listeners"
          checked={plan.skipCustomListeners}
          onChange={(_, { checked }) => {
            dispatch({ type: 'setOptions', options: { skipCustomListeners: checked } });
          }}
        />
        <Checkbox
          id={`${idPrefix}-skip-io`}
          labelText="Skip input/output mappings"
          checked={plan.skipIoMappings}
          onChange={(_, { checked }) => {
            dispatch({ type: 'setOptions', options: { skipIoMappings: checked } });
          }}
        />
      </div>
      <div className="modification-workspace__buttons">
        <Button
          kind="ghost"
          size="sm"
          disabled={state.past.length === 0}
          onClick={() => {
            dispatch({ type: 'undo' });
            onAnnounce('Last change undone.');
          }}
        >
          Undo
        </Button>
        <Button
          kind="ghost"
          size="sm"
          disabled={plan.instructions.length === 0}
          onClick={() => {
            dispatch({ type: 'clear' });
            onAnnounce('Plan cleared.');
          }}
        >
          Clear plan
        </Button>
      </div>
    </section>
  );
}
