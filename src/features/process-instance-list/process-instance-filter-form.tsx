import { Button, Checkbox, Form, Select, SelectItem, TextInput } from '@carbon/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';

import {
  processInstanceFilterFormSchema,
  toFilterFormValues,
} from './process-instance-filter-form-schema';
import type { ProcessInstanceFilterFormValues } from './process-instance-filter-form-schema';
import { hasFilters, normalizeFilters, VARIABLE_FILTER_HINT } from './process-instance-filters';
import type { ProcessInstanceFilters } from './process-instance-filters';
import { processInstanceListQueries } from './process-instance-list-queries';

interface ProcessInstanceFilterFormProps {
  processDefinitionId: string;
  /** The applied filters (the URL's); the form follows them when they change from outside. */
  filters: ProcessInstanceFilters;
  onFiltersChange: (filters: ProcessInstanceFilters) => void;
}

/**
 * Business key, active activity, incidents and variable value. Text fields apply on Enter or
 * "Apply", so typing does not fire a request per key; the select and the checkbox apply at once,
 * together with whatever the text fields hold.
 */
export function ProcessInstanceFilterForm({
  processDefinitionId,
  filters,
  onFiltersChange,
}: ProcessInstanceFilterFormProps) {
  const flowNodes = useQuery(processInstanceListQueries.flowNodes(processDefinitionId));
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ProcessInstanceFilterFormValues>({
    resolver: zodResolver(processInstanceFilterFormSchema),
    mode: 'onTouched',
    // `values`, not `defaultValues`: back/forward and shared links change the URL under the form.
    values: toFilterFormValues(filters),
  });

  const handleValidSubmit = (values: ProcessInstanceFilterFormValues) => {
    onFiltersChange(normalizeFilters(values));
  };
  const submit = handleSubmit(handleValidSubmit);

  const handleClear = () => {
    onFiltersChange({});
  };

  // An activity in the URL that the diagram lacks (a link from another version) stays selectable.
  const activityOptions = flowNodes.data ?? [];
  // Names alone, as the diagram shows them; the id only tells apart nodes that share a name.
  const duplicateNames = new Set(
    activityOptions
      .map((flowNode) => flowNode.name)
      .filter((name, index, names) => names.indexOf(name) !== index),
  );
  const unknownActivityId = activityOptions.some((flowNode) => flowNode.id === filters.activityId)
    ? undefined
    : filters.activityId;

  return (
    <Form
      aria-label="Filter instances"
      className="process-instance-filter-form"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
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
            className="process-instance-filter-form__field"
            labelText="Active activity"
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
      <TextInput
        id="process-instance-filter-variable"
        className="process-instance-filter-form__field process-instance-filter-form__field--wide"
        labelText="Variable value"
        placeholder="amount_gt_100"
        helperText="Operators: eq neq gt gteq lt lteq like"
        autoComplete="off"
        invalid={errors.variable !== undefined}
        invalidText={errors.variable?.message ?? VARIABLE_FILTER_HINT}
        {...register('variable')}
      />
      <div className="process-instance-filter-form__actions">
        <Checkbox
          id="process-instance-filter-with-incidents"
          labelText="With incidents"
          {...register('withIncidents', { onChange: () => void submit() })}
        />
        <Button type="submit" size="md">
          Apply
        </Button>
        {hasFilters(filters) && (
          <Button kind="ghost" size="md" onClick={handleClear}>
            Clear filters
          </Button>
        )}
      </div>
    </Form>
  );
}
