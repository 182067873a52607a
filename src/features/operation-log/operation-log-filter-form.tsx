import { Button, Form, Select, SelectItem, TextInput } from '@carbon/react';
import { useForm } from 'react-hook-form';

import type { OperationLogFilters } from './operation-log-queries';

/**
 * The operation types an operator of running instances meets most; Camunda's full list is in
 * `UserOperationLogEntry` (docs: "User Operation Log → Glossary of operations").
 */
export const OPERATION_TYPES = [
  'ModifyProcessInstance',
  'SetAnnotation',
  'ClearAnnotation',
  'Delete',
  'DeleteHistory',
  'SetJobRetries',
  'Suspend',
  'Activate',
  'SuspendBatch',
  'ActivateBatch',
  'Migrate',
  'RestartProcessInstance',
  'SetVariable',
  'ModifyVariable',
  'RemoveVariable',
  'Complete',
  'Claim',
  'Assign',
  'Resolve',
  'CreateIncident',
] as const;

type FilterValues = Required<
  Pick<OperationLogFilters, 'operationType' | 'userId' | 'processInstanceId'>
>;

const NO_FILTERS: FilterValues = { operationType: '', userId: '', processInstanceId: '' };

interface OperationLogFilterFormProps {
  value: OperationLogFilters;
  onChange: (filters: OperationLogFilters) => void;
}

/** Operation type, user and instance: applied together, on submit. */
export function OperationLogFilterForm({ value, onChange }: OperationLogFilterFormProps) {
  const { register, handleSubmit, reset } = useForm<FilterValues>({
    defaultValues: { ...NO_FILTERS, ...value },
  });

  const handleApply = (values: FilterValues) => {
    onChange({
      operationType: values.operationType || undefined,
      userId: values.userId.trim() || undefined,
      processInstanceId: values.processInstanceId.trim() || undefined,
    });
  };

  const handleReset = () => {
    reset(NO_FILTERS);
    onChange({});
  };

  return (
    <Form
      className="operation-log-filters"
      aria-label="Filter the operation log"
      noValidate
      onSubmit={(event) => void handleSubmit(handleApply)(event)}
    >
      <Select
        id="operation-log-operation-type"
        labelText="Operation"
        {...register('operationType')}
      >
        <SelectItem value="" text="All operations" />
        {OPERATION_TYPES.map((type) => (
          <SelectItem key={type} value={type} text={type} />
        ))}
      </Select>
      <TextInput id="operation-log-user" labelText="User" {...register('userId')} />
      <TextInput
        id="operation-log-instance"
        labelText="Process instance ID"
        {...register('processInstanceId')}
      />
      <div className="operation-log-filters__actions">
        <Button type="submit" size="md">
          Apply filters
        </Button>
        <Button kind="ghost" size="md" onClick={handleReset}>
          Reset
        </Button>
      </div>
    </Form>
  );
}
