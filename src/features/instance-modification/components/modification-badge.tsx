import { DiagramBadge, DiagramBadgeGroup } from '../../../bpmn/diagram-badge';

export interface ModificationBadgeProps {
  added: number;
  removed: number;
}

const tokens = (count: number) => `${count} token${count === 1 ? '' : 's'}`;

/** The +n / −n a pending plan puts on a diagram element, in the diagram's own badge style. */
export function ModificationBadge({ added, removed }: ModificationBadgeProps) {
  return (
    <DiagramBadgeGroup>
      {added > 0 && (
        <DiagramBadge kind="add" label={`The plan adds ${tokens(added)}`}>
          +{added}
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
