import { getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';

import { preloadBpmnDiagram } from '../../bpmn/bpmn-diagram';
import { ActivityInstanceTreeView } from '../../features/process-instances/activity-instance-tree-view';
import { toInstanceMarkers } from '../../features/process-instances/instance-markers';
import { ProcessInstanceDiagram } from '../../features/process-instances/process-instance-diagram';
import { ProcessInstanceError } from '../../features/process-instances/process-instance-error';
import { ProcessInstanceHeader } from '../../features/process-instances/process-instance-header';
import { ProcessInstanceLayout } from '../../features/process-instances/process-instance-layout';
import { processInstanceQueries } from '../../features/process-instances/process-instance-queries';
import { ProcessInstanceSkeleton } from '../../features/process-instances/process-instance-skeleton';
import { ProcessInstanceTabs } from '../../features/process-instances/process-instance-tabs';
import { toTokenBadgeOverlays } from '../../features/process-instances/token-badges';
import { useTokenOverlays } from '../../features/process-instances/use-token-overlays';

const processInstanceRouteApi = getRouteApi('/authenticated/process-instances/$processInstanceId');

export function ProcessInstancePage() {
  const { processInstanceId } = processInstanceRouteApi.useParams();
  // Keyed: another instance starts with a fresh selection.
  return <ProcessInstanceView key={processInstanceId} processInstanceId={processInstanceId} />;
}

/** The read-only instance page: where its tokens are, on the diagram and in the tree. */
function ProcessInstanceView({ processInstanceId }: { processInstanceId: string }) {
  const instance = useQuery(processInstanceQueries.detail(processInstanceId));
  const [selectedActivityId, setSelectedActivityId] = useState<string | null>(null);

  // bpmn-js loads while the instance and its XML are fetched, instead of after them.
  useEffect(() => {
    preloadBpmnDiagram();
  }, []);

  // Everything the diagram shows is computed here, in one place: a modification workspace adds
  // its own badges and markers to these (`mergeMarkers`, concatenated overlays).
  const tokenOverlays = useTokenOverlays(processInstanceId);
  const overlays = useMemo(() => toTokenBadgeOverlays(tokenOverlays), [tokenOverlays]);
  const markers = useMemo(
    () => toInstanceMarkers(tokenOverlays, selectedActivityId),
    [tokenOverlays, selectedActivityId],
  );
  const handleElementClick = (elementId: string) => {
    setSelectedActivityId(elementId === selectedActivityId ? null : elementId);
  };

  if (instance.isPending) {
    return (
      <div className="app-page">
        <ProcessInstanceSkeleton />
      </div>
    );
  }
  if (instance.error !== null) {
    return (
      <div className="app-page">
        <h1 className="app-page__title">Process instance {processInstanceId}</h1>
        <ProcessInstanceError processInstanceId={processInstanceId} error={instance.error} />
      </div>
    );
  }

  return (
    <div className="app-page">
      <ProcessInstanceLayout
        header={<ProcessInstanceHeader instance={instance.data} />}
        diagram={
          <ProcessInstanceDiagram
            processDefinitionId={instance.data.definitionId}
            markers={markers}
            overlays={overlays}
            onElementClick={handleElementClick}
          />
        }
        aside={
          <>
            <ActivityInstanceTreeView
              processInstanceId={processInstanceId}
              selectedActivityId={selectedActivityId}
              onSelectActivity={setSelectedActivityId}
            />
            <ProcessInstanceTabs processInstanceId={processInstanceId} />
          </>
        }
      />
    </div>
  );
}
