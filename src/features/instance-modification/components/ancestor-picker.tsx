import { RadioButton, RadioButtonGroup } from '@carbon/react';

import { shortInstanceId } from '../../../modification/model/activity-tree';
import type { AncestorOptions } from '../model/ancestors';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import { elementLabel } from '../../../modification/model/bpmn-index';
import type { InstanceDetails } from '../model/instance-details';
import { summarizeVariables } from '../model/instance-details';

export interface AncestorPickerProps {
  /** Unique per picker: the radio group's name. */
  name: string;
  /** Says which instruction this is for, e.g. "instruction 2". */
  instructionLabel: string;
  index: BpmnIndex;
  options: AncestorOptions;
  value: string | undefined;
  onChange: (ancestorActivityInstanceId: string | undefined) => void;
  details: InstanceDetails;
  /** Why the current choice cannot be sent; marks the group invalid. */
  problem: string | null;
  /** The element that words the problem, as the group's description. */
  problemId?: string;
}

const CAMUNDA_CHOOSES = '';

/**
 * Which existing scope instance the new token goes into (Camunda's `AbstractInstantiationCmd`): each candidate with its
 * start time and its own variables, so instances of the same subprocess can be told apart.
 */
export function AncestorPicker({
  name,
  instructionLabel,
  index,
  options,
  value,
  onChange,
  details,
  problem,
  problemId,
}: AncestorPickerProps) {
  const nearest = elementLabel(index, options.nearestScopeId);
  return (
    <RadioButtonGroup
      name={name}
      legendText={`Where the new token of ${instructionLabel} starts`}
      orientation="vertical"
      valueSelected={value ?? CAMUNDA_CHOOSES}
      // The problem is worded once, beside the instruction; the group points at it.
      invalid={problem !== null}
      aria-describedby={problem === null ? undefined : problemId}
      onChange={(selection) => {
        const id = String(selection);
        onChange(id === CAMUNDA_CHOOSES ? undefined : id);
      }}
    >
      {[
        ...(options.required
          ? []
          : [
              <RadioButton
                key={CAMUNDA_CHOOSES}
                id={`${name}-camunda`}
                value={CAMUNDA_CHOOSES}
                labelText={`Let Camunda choose (${
                  options.nearestScopeId === index.processId
                    ? 'the process instance'
                    : `the only instance of ${nearest}`
                })`}
              />,
            ]),
        ...options.candidates.map((candidate) => {
          const started = details.startTimes.get(candidate.instanceId);
          const variables = summarizeVariables(
            details.variablesByInstance.get(candidate.instanceId),
          );
          const label = [
            candidate.isProcessInstance
              ? 'The process instance'
              : `${elementLabel(index, candidate.scopeId)} instance ${shortInstanceId(candidate.instanceId)}`,
            started === undefined ? null : `started ${started}`,
            variables === '' ? null : variables,
            candidate.depth > 0 ? 'missing scopes in between are created' : null,
          ]
            .filter((part) => part !== null)
            .join(' · ');
          return (
            <RadioButton
              key={candidate.instanceId}
              id={`${name}-${candidate.instanceId}`}
              value={candidate.instanceId}
              labelText={label}
            />
          );
        }),
      ]}
    </RadioButtonGroup>
  );
}
