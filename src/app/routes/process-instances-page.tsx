import { getRouteApi } from '@tanstack/react-router';

import { ProcessInstanceList } from '../../features/process-instance-list/process-instance-list';
import type { ProcessInstanceFilters } from '../../features/process-instance-list/process-instance-filters';

const processInstancesRouteApi = getRouteApi(
  '/authenticated/process-definitions/$processDefinitionId',
);

export function ProcessInstancesPage() {
  const { processDefinitionId } = processInstancesRouteApi.useParams();
  const filters = processInstancesRouteApi.useSearch();
  const navigate = processInstancesRouteApi.useNavigate();

  // `replace`: filtering refines the page the operator is on, so Back leaves the list instead of
  // stepping through every filter tried.
  const handleFiltersChange = (next: ProcessInstanceFilters) => {
    void navigate({ search: next, replace: true });
  };

  return (
    <div className="app-page">
      <ProcessInstanceList
        processDefinitionId={processDefinitionId}
        filters={filters}
        onFiltersChange={handleFiltersChange}
      />
    </div>
  );
}
