import { RadioButton, RadioButtonGroup, TextInput } from '@carbon/react';
import { Controller } from 'react-hook-form';
import type { Control, UseFormReturn } from 'react-hook-form';

import type { ProcessInstanceFilters, VariableFilter } from '../../../lib/process-instance-query';
import type { BulkSelectionFormValues } from '../api/bulk-mutations';

export interface BulkInstanceSelectionProps {
  form: UseFormReturn<BulkSelectionFormValues>;
  values: BulkSelectionFormValues;
  /** Rows ticked in the instance list. */
  tickedCount: number;
  /** The list's filters, which the query carries. */
  filters: ProcessInstanceFilters;
}

/**
 * Why the history query selects by the activity as the list does. Camunda's history query has two
 * activity filters (HistoricProcessInstance.xml): `activityIdIn` compares the running executions,
 * as the runtime query does; `activeActivityIdIn` compares unfinished historic activity instances,
 * so it also matches the sub-process or multi-instance body around a token, misses a token
 * waiting in an asynchronous continuation (it has no unfinished activity instance), and matches
 * nothing below history level `activity`.
 */
export const HISTORY_ACTIVITY_HINT =
  "The activity goes in the history query as activityIdIn, which matches a token in that activity as the list does. Camunda's other history filter, activeActivityIdIn, would differ: it also matches the sub-process around a token, misses a token waiting in an asynchronous continuation, and matches nothing below history level activity.";

/** Choosing the instances: the ticked rows, or a runtime or history query from the list's filters. */
export function BulkInstanceSelection({
  form,
  values,
  tickedCount,
  filters,
}: BulkInstanceSelectionProps) {
  const {
    control,
    register,
    formState: { errors },
  } = form;
  const history = values.source === 'history';
  return (
    <fieldset className="bulk-selection">
      <legend className="modification-workspace__subheading">Instances to modify</legend>
      <ChoiceGroup
        control={control}
        name="mode"
        legendText="Choose them by"
        orientation="vertical"
        choices={[
          {
            id: 'bulk-selection-ids',
            value: 'ids',
            labelText: `The ticked rows (${String(tickedCount)})`,
          },
          {
            id: 'bulk-selection-query',
            value: 'query',
            labelText: `A query with the list's filters (${describeFilters(filters)})`,
          },
        ]}
      />
      {values.mode === 'ids' && tickedCount === 0 && (
        <p className="modification-workspace__hint">Tick instances in the list below.</p>
      )}
      {values.mode === 'query' && (
        <div className="bulk-selection__query">
          <ChoiceGroup
            control={control}
            name="source"
            legendText="Query"
            choices={[
              {
                id: 'bulk-source-runtime',
                value: 'runtime',
                labelText: 'Runtime (processInstanceQuery)',
              },
              {
                id: 'bulk-source-history',
                value: 'history',
                labelText: 'History, unfinished only (historicProcessInstanceQuery)',
              },
            ]}
          />
          <p className="modification-workspace__hint">
            {history
              ? "The history query carries all the list's filters, and the start times below."
              : 'Start times can only be filtered in the history query.'}
          </p>
          {history && filters.activityId !== undefined && (
            <p className="modification-workspace__hint">{HISTORY_ACTIVITY_HINT}</p>
          )}
          <div className="bulk-selection__dates">
            <TextInput
              id="bulk-started-after"
              type="datetime-local"
              labelText="Started after"
              disabled={!history}
              invalid={errors.startedAfter !== undefined}
              invalidText={errors.startedAfter?.message}
              {...register('startedAfter')}
            />
            <TextInput
              id="bulk-started-before"
              type="datetime-local"
              labelText="Started before"
              disabled={!history}
              invalid={errors.startedBefore !== undefined}
              invalidText={errors.startedBefore?.message}
              {...register('startedBefore')}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}

/** The form's choices, each a set of radio buttons. */
type ChoiceName = 'mode' | 'source';

interface ChoiceGroupProps<Name extends ChoiceName> {
  control: Control<BulkSelectionFormValues>;
  name: Name;
  legendText: string;
  orientation?: 'horizontal' | 'vertical';
  choices: { id: string; value: BulkSelectionFormValues[Name]; labelText: string }[];
}

/** One choice of the form as radio buttons, its value held by react-hook-form. */
function ChoiceGroup<Name extends ChoiceName>({
  control,
  name,
  legendText,
  orientation,
  choices,
}: ChoiceGroupProps<Name>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <RadioButtonGroup
          legendText={legendText}
          name={`bulk-selection-${name}`}
          orientation={orientation}
          valueSelected={field.value}
          onChange={(value) => {
            field.onChange(value);
          }}
        >
          {choices.map((choice) => (
            <RadioButton key={choice.id} {...choice} />
          ))}
        </RadioButtonGroup>
      )}
    />
  );
}

/** `business key BK-%, active at review, orderNo = "00042" (String)` – or that there are none. */
export function describeFilters(filters: ProcessInstanceFilters): string {
  const parts = [
    filters.businessKey === undefined ? null : `business key ${filters.businessKey}`,
    filters.activityId === undefined ? null : `active at ${filters.activityId}`,
    filters.withIncidents === true ? 'with incidents' : null,
    ...(filters.variables ?? []).map(describeVariableFilter),
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'every running instance of this definition' : parts.join(', ');
}

const OPERATOR_SYMBOLS: Record<VariableFilter['operator'], string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gteq: '≥',
  lt: '<',
  lteq: '≤',
  like: 'like',
};

/** A condition with the type its value is compared as: a String is quoted, as text is. */
function describeVariableFilter({ name, operator, type, value }: VariableFilter): string {
  const shown = type === 'String' ? `"${value}"` : value.trim();
  return `${name} ${OPERATOR_SYMBOLS[operator]} ${shown} (${type})`;
}
