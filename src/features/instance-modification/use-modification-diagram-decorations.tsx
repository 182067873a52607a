import './components/modification-markers.scss';

import { useMemo } from 'react';

import type { ActivityInstanceDto } from '../../api/camunda-dto';
import type { DiagramOverlay, DiagramOverlayPosition } from '../../bpmn/bpmn-diagram';
import { ModificationBadge } from './components/modification-badge';
import type { BpmnIndex } from './model/bpmn-index';
import { getBpmnIndex, getSequenceFlow, innerActivityId } from './model/bpmn-index';
import type { MoveSource } from './model/legal-actions';
import type { ModificationPlan } from './model/modification-plan';
import { pendingBadges } from './model/pending-badges';
import { useModificationPlan } from './use-modification-plan';

export interface ModificationDiagramDecorations {
  /** CSS classes per element id, for `<BpmnDiagram markers>` (combine with `mergeMarkers`). */
  markers: Record<string, string[]>;
  /** The +n/−n badges of the pending plan, for `<BpmnDiagram overlays>`. */
  overlays: DiagramOverlay[];
}

export interface ModificationDiagramInput {
  xml: string;
  processDefinitionKey: string;
  /** The tree the page shows; badges count on the tree the plan was built on when there is one. */
  tree: ActivityInstanceDto;
}

/** Marker of an element whose tokens the plan cancels, and of a pending move's source. */
export const MODIFICATION_SOURCE_MARKER = 'modification-source';
/** Marker of an element where the plan starts a token. */
export const MODIFICATION_TARGET_MARKER = 'modification-target';

/**
 * Above the element's top-right corner: the page's token badges sit bottom-left, so both can be
 * read at once.
 */
const BADGE_POSITION: DiagramOverlayPosition = { top: -10, right: 14 };
/** On the flow's line: a corner of its bounding box may lie on a neighbouring task. */
const FLOW_BADGE_POSITION: DiagramOverlayPosition = 'path-middle';

/**
 * What the diagram shows of the pending plan: markers for sources and targets, and a +n/−n badge
 * per element. Use inside `<ModificationPlanProvider>`.
 */
export function useModificationDiagramDecorations({
  xml,
  processDefinitionKey,
  tree,
}: ModificationDiagramInput): ModificationDiagramDecorations {
  const { plan, baseTree, moveSource } = useModificationPlan();
  return useMemo(
    () =>
      modificationDiagramDecorations(
        plan,
        baseTree ?? tree,
        getBpmnIndex(xml, processDefinitionKey),
        moveSource,
      ),
    [plan, baseTree, tree, xml, processDefinitionKey, moveSource],
  );
}

/** The pure core of `useModificationDiagramDecorations`. */
export function modificationDiagramDecorations(
  plan: ModificationPlan,
  tree: ActivityInstanceDto,
  index: BpmnIndex,
  moveSource: MoveSource | null,
): ModificationDiagramDecorations {
  const markers: Record<string, string[]> = {};
  const mark = (elementId: string, marker: string) => {
    const list = (markers[elementId] ??= []);
    if (!list.includes(marker)) {
      list.push(marker);
    }
  };
  const overlays: DiagramOverlay[] = [];
  for (const [elementId, { added, removed }] of Object.entries(pendingBadges(plan, tree, index))) {
    if (added > 0) {
      mark(elementId, MODIFICATION_TARGET_MARKER);
    }
    if (removed > 0) {
      mark(elementId, MODIFICATION_SOURCE_MARKER);
    }
    if (added > 0 || removed > 0) {
      overlays.push({
        id: `modification-badge-${elementId}`,
        elementId,
        position:
          getSequenceFlow(index, elementId) === undefined ? BADGE_POSITION : FLOW_BADGE_POSITION,
        render: () => <ModificationBadge added={added} removed={removed} />,
      });
    }
  }
  if (moveSource !== null) {
    mark(innerActivityId(moveSource.activityId), MODIFICATION_SOURCE_MARKER);
  }
  return { markers, overlays };
}
