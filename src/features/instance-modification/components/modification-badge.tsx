import { DiagramBadge, DiagramBadgeGroup } from '../../../bpmn/diagram-badge';

export interface ModificationBadgeProps {
  added: number;
  removed: number;
  /** Starts of a whole multi-instance whose instances the preview has not counted (yet). */
  uncounted?: number;
}

const tokens = (count: number) => `${count} token${count === 1 ? '' : 's'}`;

/** The +n / −n a pending plan puts on a diagram element, in the diagram's own badge style. */
export function ModificationBadge({ added, removed, uncounted = 0 }: ModificationBadgeProps) {
  return (
    <DiagramBadgeGroup>
      {added > 0 && (
        <DiagramBadge kind="add" label={`The plan adds ${tokens(added)}`}>
          +{added}
        </DiagramBadge>
      )}
      {uncounted > 0 && (
        <DiagramBadge
          kind="add"
          label="The plan starts a whole multi-instance: how many instances, the preview says"
        >
          +?
        </DiagramBadge>
      )}
      {removed > 0 && (
        <DiagramBadge kind="cancel" label={`The plan cancels ${tokens(removed)}`}>
          −{removed}
        </DiagramBadge>
      )}
    </DiagramBadgeGroup>
  );
}
