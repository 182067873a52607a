import { Button } from '@carbon/react';
import type { ReactNode } from 'react';

import { normalizeFilters } from '../../lib/process-instance-query';
import type { ProcessInstanceFilters } from '../../lib/process-instance-query';
import { ProcessInstanceFilterForm } from './process-instance-filter-form';
import { ProcessInstanceListHeader } from './process-instance-list-header';
import { processInstanceListQueries } from './process-instance-list-queries';
import type { ProcessInstanceListQuery } from './process-instance-list-queries';
import { ProcessInstanceTable } from './process-instance-table';
import type { ProcessInstanceSelection } from './process-instance-table';

import './process-instance-list.scss';

interface ProcessInstanceListProps {
  processDefinitionId: string;
  /** The applied filters; the page keeps them in the URL. */
  filters: ProcessInstanceFilters;
  onFiltersChange: (filters: ProcessInstanceFilters) => void;
  /** Given: rows can be ticked, e.g. to modify them together. */
  selection?: ProcessInstanceSelection;
  /** What the page puts between the header and the filters, e.g. tools that act on the list. */
  beforeFilters?: ReactNode;
}

/** The running instances of one process definition, filtered, in a virtualised table. */
export function ProcessInstanceList({
  processDefinitionId,
  filters,
  onFiltersChange,
  selection,
  beforeFilters,
}: ProcessInstanceListProps) {
  const query: ProcessInstanceListQuery = { processDefinitionId, ...normalizeFilters(filters) };

  return (
    <div className="process-instance-list">
      <ProcessInstanceListHeader query={query} />
      {beforeFilters}
      <ProcessInstanceFilterForm
        processDefinitionId={processDefinitionId}
        filters={filters}
        onFiltersChange={onFiltersChange}
      />
      {selection !== undefined && (
        <div className="process-instance-list__selection">
          <span>
            {selection.selectedIds.size} {selection.selectedIds.size === 1 ? 'row' : 'rows'} ticked
          </span>
          <Button
            kind="ghost"
            size="sm"
            disabled={selection.selectedIds.size === 0}
            onClick={() => {
              selection.onChange(new Set());
            }}
          >
            Clear the ticks
          </Button>
        </div>
      )}
      {/* A new list starts at its top: the table (scroll position, loaded range) is remounted. */}
      <ProcessInstanceTable
        key={JSON.stringify(processInstanceListQueries.count(query).queryKey)}
        query={query}
        selection={selection}
      />
    </div>
  );
}
