import { normalizeFilters } from './process-instance-filters';
import type { ProcessInstanceFilters, ProcessInstanceListQuery } from './process-instance-filters';
import { ProcessInstanceFilterForm } from './process-instance-filter-form';
import { ProcessInstanceListHeader } from './process-instance-list-header';
import { processInstanceListKeys } from './process-instance-list-queries';
import { ProcessInstanceTable } from './process-instance-table';

import './process-instance-list.scss';

interface ProcessInstanceListProps {
  processDefinitionId: string;
  /** The applied filters; the page keeps them in the URL. */
  filters: ProcessInstanceFilters;
  onFiltersChange: (filters: ProcessInstanceFilters) => void;
}

/** The running instances of one process definition, filtered, in a virtualised table. */
export function ProcessInstanceList({
  processDefinitionId,
  filters,
  onFiltersChange,
}: ProcessInstanceListProps) {
  const query: ProcessInstanceListQuery = { processDefinitionId, ...normalizeFilters(filters) };

  return (
    <div className="process-instance-list">
      <ProcessInstanceListHeader query={query} />
      <ProcessInstanceFilterForm
        processDefinitionId={processDefinitionId}
        filters={filters}
        onFiltersChange={onFiltersChange}
      />
      {/* A new list starts at its top: the table (scroll position, loaded range) is remounted. */}
      <ProcessInstanceTable
        key={JSON.stringify(processInstanceListKeys.count(query))}
        query={query}
      />
    </div>
  );
}
