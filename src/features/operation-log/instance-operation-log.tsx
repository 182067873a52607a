import { OperationLogTable } from './operation-log-table';

interface InstanceOperationLogProps {
  processInstanceId: string;
}

/**
 * The operations logged for one process instance, for its page: who did what when, the
 * annotations, and what each modification changed.
 */
export function InstanceOperationLog({ processInstanceId }: InstanceOperationLogProps) {
  return (
    <OperationLogTable
      filters={{ processInstanceId }}
      showInstanceColumn={false}
      emptyMessage="No operations were logged for this instance."
    />
  );
}
