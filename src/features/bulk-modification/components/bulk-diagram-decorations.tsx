import { DIAGRAM_MARKER } from '../../../bpmn/bpmn-diagram';
import type { DiagramOverlay, DiagramOverlayPosition } from '../../../bpmn/bpmn-diagram';
import { DiagramBadge, DiagramBadgeGroup } from '../../../bpmn/diagram-badge';
import { innerActivityId } from '../../../modification/model/bpmn-index';
import { bulkInstructionTarget } from '../model/bulk-plan';
import type { BulkPlan } from '../model/bulk-plan';

import '../../../modification/components/modification-markers.scss';

/** Same classes as the single-instance plan, so both read alike on the diagram. */
const SOURCE_MARKER = 'modification-source';
const TARGET_MARKER = 'modification-target';
const BADGE_POSITION: DiagramOverlayPosition = { top: -10, right: 14 };
/** On the flow's line: a corner of its bounding box may lie on a neighbouring task. */
const FLOW_BADGE_POSITION: DiagramOverlayPosition = 'path-middle';

export interface BulkDiagramDecorations {
  markers: Record<string, string[]>;
  overlays: DiagramOverlay[];
}

/**
 * What the diagram shows of a plan for many instances. Token counts differ per instance, so a
 * badge says what happens in each one: `+n` tokens started here, `−all` tokens cancelled here.
 */
export function bulkDiagramDecorations(
  plan: BulkPlan,
  selectedElementId: string | null,
  moveSourceId: string | null,
): BulkDiagramDecorations {
  const markers: Record<string, string[]> = {};
  const mark = (elementId: string, marker: string) => {
    const list = (markers[elementId] ??= []);
    if (!list.includes(marker)) {
      list.push(marker);
    }
  };
  const starts = new Map<string, number>();
  const cancels = new Set<string>();
  const flows = new Set<string>();
  for (const instruction of plan.instructions) {
    if (instruction.type === 'startTransition') {
      flows.add(instruction.transitionId);
    }
    const elementId = innerActivityId(bulkInstructionTarget(instruction));
    if (instruction.type === 'cancel') {
      cancels.add(elementId);
      mark(elementId, SOURCE_MARKER);
    } else {
      starts.set(elementId, (starts.get(elementId) ?? 0) + 1);
      mark(elementId, TARGET_MARKER);
    }
  }
  if (moveSourceId !== null) {
    mark(moveSourceId, SOURCE_MARKER);
  }
  if (selectedElementId !== null) {
    mark(selectedElementId, DIAGRAM_MARKER.selected);
  }
  const overlays = [...new Set([...starts.keys(), ...cancels])].map((elementId): DiagramOverlay => {
    const added = starts.get(elementId) ?? 0;
    const cancelled = cancels.has(elementId);
    return {
      id: `bulk-modification-badge-${elementId}`,
      elementId,
      position: flows.has(elementId) ? FLOW_BADGE_POSITION : BADGE_POSITION,
      render: () => (
        <DiagramBadgeGroup>
          {added > 0 && (
            <DiagramBadge
              kind="add"
              label={`The plan starts ${String(added)} token${added === 1 ? '' : 's'} here in each instance`}
            >
              +{added}
            </DiagramBadge>
          )}
          {cancelled && (
            <DiagramBadge kind="cancel" label="The plan cancels the tokens here in each instance">
              −all
            </DiagramBadge>
          )}
        </DiagramBadgeGroup>
      ),
    };
  });
  return { markers, overlays };
}
