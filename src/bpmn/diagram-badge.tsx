import type { ReactNode } from 'react';

/**
 * What a badge stands for, and so its colour: tokens that are `active`, `waiting` in an async
 * continuation, or stuck in an `incident`; tokens a pending modification would `add` or `cancel`.
 */
export type DiagramBadgeKind = 'active' | 'waiting' | 'incident' | 'add' | 'cancel';

interface DiagramBadgeProps {
  kind: DiagramBadgeKind;
  /** The accessible name and tooltip, e.g. "2 active". */
  label: string;
  children: ReactNode;
}

/** A small pill for diagram overlays (styled in bpmn-diagram.scss, which loads with bpmn-js). */
export function DiagramBadge({ kind, label, children }: DiagramBadgeProps) {
  return (
    <span
      className={`diagram-badge diagram-badge--${kind}`}
      role="img"
      aria-label={label}
      title={label}
    >
      {children}
    </span>
  );
}

/** Lays several badges of one element out in a row. */
export function DiagramBadgeGroup({ children }: { children: ReactNode }) {
  return <span className="diagram-badge-group">{children}</span>;
}
