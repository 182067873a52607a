import { Button, Checkbox, Form, Select, SelectItem, TextInput } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { UseFormReturn } from 'react-hook-form';

import { useDebouncedValue } from '../../lib/use-debounced-value';
import {
  hasFilters,
  normalizeFilters,
  operatorsFor,
  VARIABLE_VALUE_TYPES,
} from '../../lib/process-instance-query';
import type {
  ProcessInstanceFilters,
  VariableOperator,
  VariableValueType,
} from '../../lib/process-instance-query';
import {
  NEW_VARIABLE_FILTER,
  processInstanceFilterFormSchema,
  toFilterFormValues,
} from './process-instance-filter-form-schema';
import type { ProcessInstanceFilterFormValues } from './process-instance-filter-form-schema';
import { processInstanceListQueries } from './process-instance-list-queries';
import { suggestedFilterType, typeHint } from './variable-type-lookup';

interface ProcessInstanceFilterFormProps {
  processDefinitionId: string;
  /** The applied filters (the URL's); the form follows them when they change from outside. */
  filters: ProcessInstanceFilters;
  onFiltersChange: (filters: ProcessInstanceFilters) => void;
}

/** Why no sub-process is offered: Camunda matches the activity inside it, never the scope. */
export const ACTIVITY_FILTER_HINT = 'Where a token is now; sub-processes match nothing';

const OPERATOR_LABELS: Record<VariableOperator, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gteq: '≥',
  lt: '<',
  lteq: '≤',
  like: 'like',
};

const VALUE_PLACEHOLDERS: Record<VariableValueType, string> = {
  String: 'Text, % as wildcard with like',
  Number: '42 or 99.5',
  Boolean: 'true or false',
  Date: '2024-05-01T09:30:00.000+0200',
};

/** How long the name rests before its type is looked up. */
const TYPE_LOOKUP_SETTLE_MS = 400;

/**
 * Business key, active activity, incidents and variable conditions. Text fields apply on Enter or
 * "Apply", so typing does not fire a request per key; the activity and the checkbox apply at
 * once, together with whatever the text fields hold. Each variable condition is sent with the
 * type the operator sees beside it, looked up from the engine where it can be.
 */
export function ProcessInstanceFilterForm({
  processDefinitionId,
  filters,
  onFiltersChange,
}: ProcessInstanceFilterFormProps) {
  const flowNodes = useQuery(processInstanceListQueries.flowNodes(processDefinitionId));
  const form = useForm<ProcessInstanceFilterFormValues>({
    resolver: zodResolver(processInstanceFilterFormSchema),
    mode: 'onTouched',
    // `values`, not `defaultValues`: back/forward and shared links change the URL under the form.
    values: toFilterFormValues(filters),
  });
  const { control, register, handleSubmit } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });

  const handleValidSubmit = ({ variables, ...values }: ProcessInstanceFilterFormValues) => {
    onFiltersChange(
      normalizeFilters({
        ...values,
        variables: variables.map(({ name, operator, type, value }) => ({
          name,
          operator,
          type,
          value,
        })),
      }),
    );
  };
  const submit = handleSubmit(handleValidSubmit);

  const handleClear = () => {
    onFiltersChange({});
  };

  // Only the activities a token can be in: the runtime query never matches a scope around them.
  const activityOptions = (flowNodes.data ?? []).filter((flowNode) => !flowNode.scope);
  // Names alone, as the diagram shows them; the id only tells apart nodes that share a name.
  const duplicateNames = new Set(
    activityOptions
      .map((flowNode) => flowNode.name)
      .filter((name, index, names) => names.indexOf(name) !== index),
  );
  // An activity in the URL that is not offered (a link from another version, or a sub-process)
  // stays selectable, so the operator sees what the list is filtered by.
  const unknownActivityId = activityOptions.some((flowNode) => flowNode.id === filters.activityId)
    ? undefined
    : filters.activityId;
  const unknownIsScope =
    flowNodes.data?.some(({ id, scope }) => scope && id === unknownActivityId) ?? false;

  return (
    <Form
      aria-label="Filter instances"
      className="process-instance-filter-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <div className="process-instance-filter-form__fields">
        <TextInput
          id="process-instance-filter-business-key"
          className="process-instance-filter-form__field"
          labelText="Business key"
          helperText="Exact, or a pattern with %"
          autoComplete="off"
          {...register('businessKey')}
        />
        {/* Controlled: its options arrive after the value (with the XML), and an uncontrolled
            select would fall back to its first option when they do. */}
        <Controller
          name="activityId"
          control={control}
          render={({ field }) => (
            <Select
              id="process-instance-filter-activity"
              className="process-instance-filter-form__field process-instance-filter-form__field--wide"
              labelText="Active activity"
              helperText={
                unknownIsScope
                  ? 'A sub-process: it matches no instance, an activity inside does'
                  : ACTIVITY_FILTER_HINT
              }
              invalid={flowNodes.error !== null}
              invalidText="The activities of the diagram could not be loaded."
              {...field}
              onChange={(event) => {
                field.onChange(event);
                void submit();
              }}
            >
              <SelectItem value="" text="Any activity" />
              {unknownActivityId !== undefined && (
                <SelectItem value={unknownActivityId} text={unknownActivityId} />
              )}
              {activityOptions.map((flowNode) => (
                <SelectItem
                  key={flowNode.id}
                  value={flowNode.id}
                  text={
                    duplicateNames.has(flowNode.name)
                      ? `${flowNode.name} (${flowNode.id})`
                      : flowNode.name
                  }
                />
              ))}
            </Select>
          )}
        />
        <div className="process-instance-filter-form__actions">
          <Checkbox
            id="process-instance-filter-with-incidents"
            labelText="With incidents"
            {...register('withIncidents', { onChange: () => void submit() })}
          />
          <Button
            kind="ghost"
            size="md"
            onClick={() => {
              append({ ...NEW_VARIABLE_FILTER, typeChosen: false });
            }}
          >
            Add a variable condition
          </Button>
          <Button type="submit" size="md">
            Apply
          </Button>
          {hasFilters(filters) && (
            <Button kind="ghost" size="md" onClick={handleClear}>
              Clear filters
            </Button>
          )}
        </div>
      </div>
      {fields.length > 0 && (
        <fieldset className="process-instance-filter-form__variables">
          <legend className="process-instance-filter-form__legend">
            Variable conditions, each compared as the type beside it
          </legend>
          {fields.map((field, index) => (
            <VariableFilterRow
              key={field.id}
              form={form}
              index={index}
              processDefinitionId={processDefinitionId}
              onRemove={() => {
                remove(index);
                void submit();
              }}
            />
          ))}
        </fieldset>
      )}
    </Form>
  );
}

interface VariableFilterRowProps {
  form: UseFormReturn<ProcessInstanceFilterFormValues>;
  index: number;
  processDefinitionId: string;
  onRemove: () => void;
}

/**
 * One condition: name, operator, type and value. Once the name rests, the engine is asked what
 * type the variable has; a condition whose type the operator has not chosen (a new one) takes
 * it, and every condition says whether its type matches what the engine holds.
 */
function VariableFilterRow({ form, index, processDefinitionId, onRemove }: VariableFilterRowProps) {
  const {
    control,
    register,
    setValue,
    formState: { errors },
  } = form;
  const filter = useWatch({ control, name: `variables.${index}` });
  const name = useDebouncedValue(filter.name.trim(), TYPE_LOOKUP_SETTLE_MS);
  const lookup = useQuery({
    ...processInstanceListQueries.variableTypes(processDefinitionId, name),
    enabled: name !== '',
  });
  const suggestion = lookup.data === undefined ? null : suggestedFilterType(lookup.data);
  const rowErrors = errors.variables?.[index];
  const number = index + 1;
  const idPrefix = `process-instance-filter-variable-${String(number)}`;
  const hintId = `${idPrefix}-type-hint`;
  const hint =
    lookup.data !== undefined && name === filter.name.trim() && name !== ''
      ? typeHint(filter, lookup.data)
      : null;

  const chooseType = (type: VariableValueType) => {
    if (!operatorsFor(type).includes(filter.operator)) {
      setValue(`variables.${index}.operator`, 'eq');
    }
  };

  useEffect(() => {
    if (suggestion !== null && !filter.typeChosen && filter.type !== suggestion) {
      setValue(`variables.${index}.type`, suggestion);
      if (!operatorsFor(suggestion).includes(filter.operator)) {
        setValue(`variables.${index}.operator`, 'eq');
      }
    }
  }, [suggestion, filter.typeChosen, filter.type, filter.operator, index, setValue]);

  const hidden = (text: string) => <span className="cds--visually-hidden">{text}</span>;
  return (
    <div className="process-instance-filter-form__variable">
      <div className="process-instance-filter-form__variable-fields">
        <TextInput
          id={`${idPrefix}-name`}
          className="process-instance-filter-form__field"
          labelText={<>Variable{hidden(` of condition ${String(number)}`)}</>}
          autoComplete="off"
          invalid={rowErrors?.name !== undefined}
          invalidText={rowErrors?.name?.message}
          {...register(`variables.${index}.name`)}
        />
        <Select
          id={`${idPrefix}-operator`}
          className="process-instance-filter-form__operator"
          labelText={<>Operator{hidden(` of condition ${String(number)}`)}</>}
          {...register(`variables.${index}.operator`)}
        >
          {operatorsFor(filter.type).map((operator) => (
            <SelectItem key={operator} value={operator} text={OPERATOR_LABELS[operator]} />
          ))}
        </Select>
        <Select
          id={`${idPrefix}-type`}
          className="process-instance-filter-form__type"
          labelText={<>Type{hidden(` of condition ${String(number)}`)}</>}
          aria-describedby={hint === null ? undefined : hintId}
          {...register(`variables.${index}.type`, {
            onChange: (event: { target: { value: VariableValueType } }) => {
              setValue(`variables.${index}.typeChosen`, true);
              chooseType(event.target.value);
            },
          })}
        >
          {VARIABLE_VALUE_TYPES.map((type) => (
            <SelectItem key={type} value={type} text={type} />
          ))}
        </Select>
        <TextInput
          id={`${idPrefix}-value`}
          className="process-instance-filter-form__field"
          labelText={<>Value{hidden(` of condition ${String(number)}`)}</>}
          placeholder={VALUE_PLACEHOLDERS[filter.type]}
          autoComplete="off"
          invalid={rowErrors?.value !== undefined}
          invalidText={rowErrors?.value?.message}
          {...register(`variables.${index}.value`)}
        />
        <Button
          kind="ghost"
          size="md"
          className="process-instance-filter-form__remove"
          onClick={onRemove}
        >
          Remove{hidden(` condition ${String(number)}`)}
        </Button>
      </div>
      {lookup.isFetching && name !== '' && (
        <p className="process-instance-filter-form__hint">Looking up the type of {name}…</p>
      )}
      {lookup.error !== null && (
        <p className="process-instance-filter-form__hint">
          The type of {name} could not be looked up: choose it.
        </p>
      )}
      {hint !== null && !lookup.isFetching && (
        <p
          id={hintId}
          className={`process-instance-filter-form__hint process-instance-filter-form__hint--${hint.kind}`}
        >
          {hint.text}
        </p>
      )}
    </div>
  );
}
