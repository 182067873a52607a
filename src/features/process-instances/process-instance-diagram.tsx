import { SkeletonPlaceholder } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';

import { BpmnDiagram } from '../../bpmn/bpmn-diagram';
import type { DiagramMarkers, DiagramOverlay } from '../../bpmn/bpmn-diagram';
import { ErrorNotification } from '../../components/error-notification';
import { processDefinitionQueries } from '../../api/process-definition-queries';

import './process-instance.scss';

interface ProcessInstanceDiagramProps {
  processDefinitionId: string;
  /**
   * The tokens are still being read. The diagram waits for them: imported with its token badges,
   * the diagram and the badges reach the screen in one pass, where a diagram imported first takes
   * a second round of rendering (style, layout, paint of the whole page) for the badges.
   */
  tokensPending: boolean;
  markers: DiagramMarkers;
  overlays: readonly DiagramOverlay[];
  onElementClick: (elementId: string) => void;
  /** The diagram is on the screen with its tokens, or cannot be shown (no XML, or no import). */
  onSettled: () => void;
}

/** The definition's diagram, once its XML has loaded; markers and overlays come from the page. */
export function ProcessInstanceDiagram({
  processDefinitionId,
  tokensPending,
  markers,
  overlays,
  onElementClick,
  onSettled,
}: ProcessInstanceDiagramProps) {
  const {
    data: xml,
    error,
    isPending,
  } = useQuery(processDefinitionQueries.bpmn20Xml(processDefinitionId));
  const hasFailed = error !== null;
  useEffect(() => {
    if (hasFailed) {
      onSettled();
    }
  }, [hasFailed, onSettled]);

  if (isPending || (tokensPending && !hasFailed)) {
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
      onSettled={onSettled}
      ariaLabel="Process diagram"
    />
  );
}
