import { Button } from '@carbon/react';
import { useEffect, useId, useRef, useState } from 'react';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import { ancestorOptions } from '../model/ancestors';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { describeInstruction } from '../../../modification/model/describe-instruction';
import type { InstanceDetails } from '../model/instance-details';
import { isStartInstruction } from '../../../modification/model/instruction';
import type { ModificationInstruction } from '../../../modification/model/instruction';
import { useModificationPlan } from '../use-modification-plan';
import { AncestorPicker } from './ancestor-picker';
import { VariableEditor } from './variable-editor';

export interface InstructionListProps {
  index: BpmnIndex;
  /** The tree the plan is built on. */
  tree: ActivityInstanceDto;
  details: InstanceDetails;
  /** Why an instruction cannot be sent, by position. */
  problems: ReadonlyMap<number, string>;
  /** Says what happened, for a live region. */
  onAnnounce: (message: string) => void;
}

/**
 * The plan in order, one plain sentence per instruction, with everything to change it from the
 * keyboard: reorder, remove, choose where a token starts, set its variables, undo.
 */
export function InstructionList({
  index,
  tree,
  details,
  problems,
  onAnnounce,
}: InstructionListProps) {
  const { plan, dispatch, canUndo } = useModificationPlan();
  const idPrefix = useId();
  const headingId = `${idPrefix}-heading`;
  const [editingVariables, setEditingVariables] = useState<number | null>(null);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    if (focusAfterRender.current !== null) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const buttonId = (position: number, name: string) => `${idPrefix}-${position}-${name}`;
  const context = { index, tree, startTimes: details.startTimes };

  const handleMove = (from: number, to: number) => {
    dispatch({ type: 'move', from, to });
    setEditingVariables(null);
    // Keep focus on the instruction that moved, so it can be moved again.
    const last = plan.instructions.length - 1;
    focusAfterRender.current = buttonId(to, (to < from && to > 0) || to === last ? 'up' : 'down');
    onAnnounce(`Instruction ${from + 1} is now instruction ${to + 1}.`);
  };

  const handleUpdate = (position: number, instruction: ModificationInstruction) => {
    dispatch({ type: 'update', index: position, instruction });
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="modification-workspace__subheading">
        Plan
      </h3>
      {plan.instructions.length === 0 ? (
        <p className="modification-workspace__hint">
          No instructions yet: choose an element and an action.
        </p>
      ) : (
        <>
          <p className="instruction-list__note">
            Instructions run in this order; the order changes the result.
          </p>
          <ol className="instruction-list" aria-label="Instructions">
            {plan.instructions.map((instruction, position) => {
              const number = position + 1;
              const label = `instruction ${number}`;
              const problem = problems.get(position) ?? null;
              const options = ancestorOptions(index, tree, plan.instructions, position);
              const problemId = `${idPrefix}-${position}-problem`;
              const variableCount = isStartInstruction(instruction)
                ? (instruction.variables?.length ?? 0)
                : 0;
              return (
                <li
                  // Positions are the identity here: instructions have no ids of their own and
                  // may repeat; focus is moved explicitly after a reorder.
                  key={position}
                  className={`instruction-list__item${problem === null ? '' : ' instruction-list__item--invalid'}`}
                  aria-describedby={problem === null ? undefined : problemId}
                >
                  <p>
                    {number}. {describeInstruction(instruction, context)}
                  </p>
                  {problem !== null && (
                    <p id={problemId} className="instruction-list__problem">
                      {problem}
                    </p>
                  )}
                  {isStartInstruction(instruction) &&
                    options !== null &&
                    (options.candidates.length > 1 || options.required) && (
                      <AncestorPicker
                        name={`${idPrefix}-${position}-ancestor`}
                        instructionLabel={label}
                        index={index}
                        options={options}
                        value={instruction.ancestorActivityInstanceId}
                        details={details}
                        problem={problem}
                        problemId={problemId}
                        onChange={(ancestorActivityInstanceId) => {
                          const { ancestorActivityInstanceId: _previous, ...rest } = instruction;
                          handleUpdate(
                            position,
                            ancestorActivityInstanceId === undefined
                              ? rest
                              : { ...rest, ancestorActivityInstanceId },
                          );
                        }}
                      />
                    )}
                  {isStartInstruction(instruction) && editingVariables === position && (
                    <VariableEditor
                      instructionLabel={label}
                      variables={instruction.variables ?? []}
                      onCancel={() => {
                        setEditingVariables(null);
                      }}
                      onSave={(variables) => {
                        const { variables: _previous, ...rest } = instruction;
                        handleUpdate(
                          position,
                          variables.length === 0 ? rest : { ...rest, variables },
                        );
                        setEditingVariables(null);
                        onAnnounce(`Variables of ${label} saved.`);
                      }}
                    />
                  )}
                  <div className="instruction-list__buttons">
                    {isStartInstruction(instruction) && editingVariables !== position && (
                      <Button
                        kind="ghost"
                        size="sm"
                        aria-label={`Edit variables (${variableCount}) of ${label}`}
                        onClick={() => {
                          setEditingVariables(position);
                        }}
                      >
                        Edit variables ({variableCount})
                      </Button>
                    )}
                    <Button
                      id={buttonId(position, 'up')}
                      kind="ghost"
                      size="sm"
                      aria-label={`Move up ${label}`}
                      disabled={position === 0}
                      onClick={() => {
                        handleMove(position, position - 1);
                      }}
                    >
                      Move up
                    </Button>
                    <Button
                      id={buttonId(position, 'down')}
                      kind="ghost"
                      size="sm"
                      aria-label={`Move down ${label}`}
                      disabled={position === plan.instructions.length - 1}
                      onClick={() => {
                        handleMove(position, position + 1);
                      }}
                    >
                      Move down
                    </Button>
                    <Button
                      kind="ghost"
                      size="sm"
                      aria-label={`Remove ${label}`}
                      onClick={() => {
                        dispatch({ type: 'remove', index: position });
                        setEditingVariables(null);
                        onAnnounce(`Removed ${label}.`);
                      }}
                    >
                      Remove
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <div className="modification-workspace__buttons">
        <Button
          kind="secondary"
          size="sm"
          disabled={!canUndo}
          onClick={() => {
            dispatch({ type: 'undo' });
            setEditingVariables(null);
            onAnnounce('The last change was undone.');
          }}
        >
          Undo last change
        </Button>
        <Button
          kind="danger--ghost"
          size="sm"
          disabled={plan.instructions.length === 0}
          onClick={() => {
            dispatch({ type: 'clear' });
            setEditingVariables(null);
            onAnnounce('The plan was discarded. Undo brings it back.');
          }}
        >
          Discard plan
        </Button>
      </div>
    </section>
  );
}
