import '../../modification/components/modification-markers.scss';

import { useMemo } from 'react';

import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { DiagramOverlay, DiagramOverlayPosition } from '../../bpmn/bpmn-diagram';
import { ModificationBadge } from './components/modification-badge';
import type { BpmnIndex } from '../../modification/model/bpmn-index';
import {
  getBpmnIndex,
  getSequenceFlow,
  innerActivityId,
} from '../../modification/model/bpmn-index';
import type { MoveSource } from './model/legal-actions';
import type { ModificationPlan } from '../../modification/model/instruction';
import { multiInstanceStarts } from './model/multi-instance-starts';
import type { MultiInstanceStarts } from './model/multi-instance-starts';
import { pendingBadges } from './model/pending-badges';
import { useModificationBody } from './use-modification-body';
import { useModificationPlan } from './use-modification-plan';
import { usePreview } from './use-preview';

export interface ModificationDiagramDecorations {
  /** CSS classes per element id, for `<BpmnDiagram markers>` (combine with `mergeMarkers`). */
  markers: Record<string, string[]>;
  /** The +n/−n badges of the pending plan, for `<BpmnDiagram overlays>`. */
  overlays: DiagramOverlay[];
}

export interface ModificationDiagramInput {
  xml: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /**
   * The tree the page shows, undefined while it loads; badges count on the tree the plan was built
   * on when there is one.
   */
  tree: ActivityInstanceDto | undefined;
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
 * per element. Use inside `<ModificationPlanProvider>`. Starts of a whole multi-instance count
 * the instances of the engine's prediction, the one the workspace and the review dialog show
 * (the same query, so it runs once).
 */
export function useModificationDiagramDecorations({
  xml,
  processDefinitionId,
  processDefinitionKey,
  tree,
}: ModificationDiagramInput): ModificationDiagramDecorations {
  const { processInstanceId, plan, baseTree, moveSource } = useModificationPlan();
  const body = useModificationBody(plan);
  const { preview } = usePreview({
    processInstanceId,
    processDefinitionId,
    processDefinitionKey,
    xml,
    tree,
    body,
  });
  const starts = useMemo(
    () => (tree === undefined ? null : multiInstanceStarts(plan.instructions, tree, preview)),
    [plan.instructions, tree, preview],
  );
  return useMemo(() => {
    const countedOn = baseTree ?? tree;
    // Nothing to show without a plan or a move under way, as when the page opens: the XML is then
    // not parsed for the index, and bpmn-js' import is all the work on it before the first paint.
    if (countedOn === undefined || (plan.instructions.length === 0 && moveSource === null)) {
      return NO_DECORATIONS;
    }
    return modificationDiagramDecorations(
      plan,
      countedOn,
      getBpmnIndex(xml, processDefinitionKey),
      moveSource,
      starts,
    );
  }, [plan, baseTree, tree, xml, processDefinitionKey, moveSource, starts]);
}

const NO_DECORATIONS: ModificationDiagramDecorations = { markers: {}, overlays: [] };

/** The pure core of `useModificationDiagramDecorations`. */
export function modificationDiagramDecorations(
  plan: ModificationPlan,
  tree: ActivityInstanceDto,
  index: BpmnIndex,
  moveSource: MoveSource | null,
  starts: MultiInstanceStarts | null = null,
): ModificationDiagramDecorations {
  const markers: Record<string, string[]> = {};
  const mark = (elementId: string, marker: string) => {
    const list = (markers[elementId] ??= []);
    if (!list.includes(marker)) {
      list.push(marker);
    }
  };
  const overlays: DiagramOverlay[] = [];
  const badges = pendingBadges(plan, tree, index, starts);
  for (const [elementId, { added, removed, uncounted = 0 }] of Object.entries(badges)) {
    if (added > 0 || uncounted > 0) {
      mark(elementId, MODIFICATION_TARGET_MARKER);
    }
    if (removed > 0) {
      mark(elementId, MODIFICATION_SOURCE_MARKER);
    }
    if (added > 0 || removed > 0 || uncounted > 0) {
      overlays.push({
        id: `modification-badge-${elementId}`,
        elementId,
        position:
          getSequenceFlow(index, elementId) === undefined ? BADGE_POSITION : FLOW_BADGE_POSITION,
        render: () => <ModificationBadge added={added} removed={removed} uncounted={uncounted} />,
      });
    }
  }
  if (moveSource !== null) {
    mark(innerActivityId(moveSource.activityId), MODIFICATION_SOURCE_MARKER);
  }
  return { markers, overlays };
}
