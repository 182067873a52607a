import { SkeletonPlaceholder } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';

import { BpmnDiagram } from '../../bpmn/bpmn-diagram';
import type { DiagramMarkers, DiagramOverlay } from '../../bpmn/bpmn-diagram';
import { ErrorNotification } from '../../components/error-notification';
import { processDefinitionQueries } from '../../api/process-definition-queries';

import './process-instance.scss';

interface ProcessInstanceDiagramProps {
  processDefinitionId: string;
  markers: DiagramMarkers;
  overlays: readonly DiagramOverlay[];
  onElementClick: (elementId: string) => void;
}

/** The definition's diagram, once its XML has loaded; markers and overlays come from the page. */
export function ProcessInstanceDiagram({
  processDefinitionId,
  markers,
  overlays,
  onElementClick,
}: ProcessInstanceDiagramProps) {
  const {
    data: xml,
    error,
    isPending,
  } = useQuery(processDefinitionQueries.bpmn20Xml(processDefinitionId));

  if (isPending) {
    return <SkeletonPlaceholder className="process-instance-skeleton__block" />;
  }
  if (error !== null) {
    return <ErrorNotification title="The diagram could not be loaded" error={error} />;
  }
  return (
    <BpmnDiagram
      xml={xml}
      markers={markers}
      overlays={overlays}
      onElementClick={onElementClick}
      ariaLabel="Process diagram"
    />
  );
}
