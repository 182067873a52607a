import { useState } from 'react';

import { OperationLogFilterForm } from '../../features/operation-log/operation-log-filter-form';
import { OperationLogTable } from '../../features/operation-log/operation-log-table';
import type { OperationLogFilters } from '../../features/operation-log/operation-log-queries';

export function OperationLogPage() {
  const [filters, setFilters] = useState<OperationLogFilters>({});
  return (
    <div className="app-page">
      <h1 className="app-page__title">Operation log</h1>
      <OperationLogFilterForm value={filters} onChange={setFilters} />
      <OperationLogTable filters={filters} />
    </div>
  );
}
