import { Button } from '@carbon/react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';

import type { BatchDto } from '../../../contract/camunda/batch';
import { processInstanceKeys } from '../../api/query-keys';
import { BulkModification } from '../../features/bulk-modification/components/bulk-modification';
import { loadBulkPlan } from '../../features/bulk-modification/model/bulk-plan-storage';
import { ProcessInstanceList } from '../../features/process-instance-list/process-instance-list';
import { normalizeFilters, type ProcessInstanceFilters } from '../../lib/process-instance-query';

const processInstancesRouteApi = getRouteApi(
  '/authenticated/process-definitions/$processDefinitionId',
);

export function ProcessInstancesPage() {
  const { processDefinitionId } = processInstancesRouteApi.useParams();
  // Keyed: another definition starts with its own plan and no ticks.
  return (
    <ProcessInstancesView key={processDefinitionId} processDefinitionId={processDefinitionId} />
  );
}

function ProcessInstancesView({ processDefinitionId }: { processDefinitionId: string }) {
  const filters = processInstancesRouteApi.useSearch();
  const navigate = processInstancesRouteApi.useNavigate();
  const navigateAway = useNavigate();
  const queryClient = useQueryClient();
  // A plan left from before a reload opens the modification again.
  const [modifying, setModifying] = useState(() => loadBulkPlan(processDefinitionId) !== null);
  const [tickedIds, setTickedIds] = useState<ReadonlySet<string>>(() => new Set());

  // `replace`: filtering refines the page the operator is on, so Back leaves the list instead of
  // stepping through every filter tried.
  const handleFiltersChange = (next: ProcessInstanceFilters) => {
    void navigate({ search: next, replace: true });
  };

  const handleExecuted = () => {
    setTickedIds(new Set());
    void queryClient.invalidateQueries({ queryKey: processInstanceKeys.lists() });
  };

  const handleBatchCreated = (batch: BatchDto) => {
    void navigateAway({ to: '/batches/$batchId', params: { batchId: batch.id } });
  };

  return (
    <div className="app-page">
      <ProcessInstanceList
        processDefinitionId={processDefinitionId}
        filters={filters}
        onFiltersChange={handleFiltersChange}
        selection={modifying ? { selectedIds: tickedIds, onChange: setTickedIds } : undefined}
        beforeFilters={
          <>
            <div className="app-page__actions">
              <Button
                kind={modifying ? 'secondary' : 'tertiary'}
                size="md"
                aria-expanded={modifying}
                onClick={() => {
                  setModifying(!modifying);
                }}
              >
                {modifying ? 'Close the modification' : 'Modify instances…'}
              </Button>
            </div>
            {modifying && (
              <BulkModification
                processDefinitionId={processDefinitionId}
                filters={normalizeFilters(filters)}
                tickedIds={[...tickedIds]}
                onExecuted={handleExecuted}
                onBatchCreated={handleBatchCreated}
              />
            )}
          </>
        }
      />
    </div>
  );
}
