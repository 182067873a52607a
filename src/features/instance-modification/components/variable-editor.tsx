import { Button, Checkbox, Select, SelectItem, TextInput } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';

import type {
  PlanVariable,
  VariableRowsFormValues,
  VariableTypeName,
} from '../../../modification/model/plan-variables';
import {
  VARIABLE_TYPES,
  toPlanVariables,
  toVariableRows,
  variableRowsSchema,
} from '../../../modification/model/plan-variables';

export interface VariableEditorProps {
  /** Says which instruction the variables belong to, e.g. "instruction 2". */
  instructionLabel: string;
  variables: readonly PlanVariable[];
  onSave: (variables: PlanVariable[]) => void;
  onCancel: () => void;
}

export const LOCAL_VARIABLE_EXPLANATION =
  "Local: the variable is created only on the new token's own scope and is not visible to other paths; otherwise it is set where it already exists or on the process instance.";

const VALUE_HINTS: Record<VariableTypeName, string> = {
  String: 'Any text.',
  Integer: 'A whole number (32-bit).',
  Long: 'A whole number.',
  Double: 'A number, e.g. 3.14.',
  Boolean: 'true or false.',
  Date: 'ISO 8601, e.g. 2024-05-01T14:30:00Z.',
  Json: 'JSON text, e.g. {"a": 1}.',
  Null: 'No value.',
};

const NEW_ROW = { name: '', type: 'String', value: '', local: false } as const;

/**
 * The variables of a start instruction (Camunda's `TriggerVariableValueDto`), one row each: name, type, value checked
 * against the type, and the local flag. Saved to the plan only when all rows are valid.
 */
export function VariableEditor({
  instructionLabel,
  variables,
  onSave,
  onCancel,
}: VariableEditorProps) {
  const idPrefix = useId();
  const {
    control,
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<VariableRowsFormValues>({
    resolver: zodResolver(variableRowsSchema),
    defaultValues: { variables: toVariableRows(variables) },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });
  const rows = useWatch({ control, name: 'variables' });
  const explanationId = `${idPrefix}-local`;

  const handleValidSubmit = (values: VariableRowsFormValues) => {
    onSave(toPlanVariables(values.variables));
  };

  return (
    <form
      aria-label={`Variables of ${instructionLabel}`}
      noValidate
      onSubmit={(event) => void handleSubmit(handleValidSubmit)(event)}
    >
      <p id={explanationId} className="modification-workspace__hint">
        {LOCAL_VARIABLE_EXPLANATION}
      </p>
      {fields.length === 0 && <p>No variables yet.</p>}
      <ul className="variable-editor__rows">
        {fields.map((field, row) => {
          const number = row + 1;
          const type = rows[row]?.type ?? 'String';
          const rowErrors = errors.variables?.[row];
          const hidden = (text: string) => <span className="cds--visually-hidden">{text}</span>;
          return (
            <li key={field.id} className="variable-editor__row">
              <TextInput
                id={`${idPrefix}-${field.id}-name`}
                labelText={<>Name{hidden(` of variable ${number}`)}</>}
                invalid={rowErrors?.name !== undefined}
                invalidText={rowErrors?.name?.message}
                {...register(`variables.${row}.name`)}
              />
              <Select
                id={`${idPrefix}-${field.id}-type`}
                labelText={<>Type{hidden(` of variable ${number}`)}</>}
                {...register(`variables.${row}.type`, {
                  onChange: (event: { target: { value: string } }) => {
                    if (event.target.value === 'Null') {
                      setValue(`variables.${row}.value`, '');
                    }
                  },
                })}
              >
                {VARIABLE_TYPES.map((name) => (
                  <SelectItem key={name} value={name} text={name} />
                ))}
              </Select>
              <TextInput
                id={`${idPrefix}-${field.id}-value`}
                labelText={<>Value{hidden(` of variable ${number}`)}</>}
                helperText={rowErrors?.value === undefined ? VALUE_HINTS[type] : undefined}
                disabled={type === 'Null'}
                invalid={rowErrors?.value !== undefined}
                invalidText={rowErrors?.value?.message}
                {...register(`variables.${row}.value`)}
              />
              <Controller
                control={control}
                name={`variables.${row}.local`}
                render={({ field: { value, onChange, onBlur, ref } }) => (
                  <Checkbox
                    id={`${idPrefix}-${field.id}-local`}
                    labelText={<>Local{hidden(` (variable ${number})`)}</>}
                    aria-describedby={explanationId}
                    checked={value}
                    onBlur={onBlur}
                    ref={ref}
                    onChange={(_event, { checked }) => {
                      onChange(checked);
                    }}
                  />
                )}
              />
              <Button
                kind="ghost"
                size="sm"
                aria-label={`Remove variable ${number}`}
                onClick={() => {
                  remove(row);
                }}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="modification-workspace__buttons">
        <Button
          kind="tertiary"
          size="sm"
          onClick={() => {
            append({ ...NEW_ROW });
          }}
        >
          Add variable
        </Button>
        <Button kind="primary" size="sm" type="submit">
          Save variables
        </Button>
        <Button kind="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
