import { DIAGRAM_MARKER } from '../../bpmn/bpmn-diagram';
import type { DiagramMarkers } from '../../bpmn/bpmn-diagram';
import type { TokenOverlay } from './token-overlays';

/** The instance's own markers: elements with incidents, and the selected element. */
export function toInstanceMarkers(
  tokenOverlays: ReadonlyMap<string, TokenOverlay>,
  selectedActivityId: string | null,
): DiagramMarkers {
  const markers: Record<string, string[]> = {};
  for (const [elementId, { incidents }] of tokenOverlays) {
    if (incidents > 0) {
      markers[elementId] = [DIAGRAM_MARKER.hasIncident];
    }
  }
  if (selectedActivityId !== null) {
    markers[selectedActivityId] = [...(markers[selectedActivityId] ?? []), DIAGRAM_MARKER.selected];
  }
  return markers;
}
