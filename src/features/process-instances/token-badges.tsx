import { Hourglass, WarningFilled } from '@carbon/react/icons';

import type { DiagramOverlay } from '../../bpmn/bpmn-diagram';
import { DiagramBadge, DiagramBadgeGroup } from '../../bpmn/diagram-badge';
import type { TokenOverlay } from './token-overlays';

/**
 * At the element's bottom-left corner, straddling its edge, where the badge covers the least of
 * the shape and its label (diagram-js positions: `bottom` is measured up from the lower edge).
 */
const TOKEN_BADGE_POSITION = { bottom: 10, left: -8 };

/** The token badges of one element: active instances, async waits, incidents. */
export function TokenBadges({ overlay }: { overlay: TokenOverlay }) {
  const { active, transitions, incidents } = overlay;
  return (
    <DiagramBadgeGroup>
      {active > 0 && (
        <DiagramBadge kind="active" label={`${active} active`}>
          {active}
        </DiagramBadge>
      )}
      {transitions > 0 && (
        <DiagramBadge kind="waiting" label={`${transitions} waiting (async)`}>
          <Hourglass size={12} aria-hidden />
          {transitions}
        </DiagramBadge>
      )}
      {incidents > 0 && (
        <DiagramBadge
          kind="incident"
          label={incidents === 1 ? '1 incident' : `${incidents} incidents`}
        >
          <WarningFilled size={12} aria-hidden />
          {incidents}
        </DiagramBadge>
      )}
    </DiagramBadgeGroup>
  );
}

/** One diagram overlay per element that holds tokens or incidents. */
export function toTokenBadgeOverlays(
  tokenOverlays: ReadonlyMap<string, TokenOverlay>,
): DiagramOverlay[] {
  return [...tokenOverlays].map(([elementId, overlay]) => ({
    id: `tokens:${elementId}`,
    elementId,
    position: TOKEN_BADGE_POSITION,
    render: () => <TokenBadges overlay={overlay} />,
  }));
}
