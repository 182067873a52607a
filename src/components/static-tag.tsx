import { usePrefix } from '@carbon/react';
import type { ReactNode } from 'react';

export type StaticTagType = 'green' | 'gray' | 'purple' | 'red' | 'warm-gray';

/**
 * The markup of Carbon's small `Tag`, without the component: each `Tag` measures its label in a
 * layout effect (to add a tooltip when the text is cut off), a synchronous style and layout of
 * the whole page in the middle of React's commit. For short labels that are never cut.
 */
export function StaticTag({ type, children }: { type: StaticTagType; children: ReactNode }) {
  const prefix = usePrefix();
  return (
    <span
      className={`${prefix}--tag ${prefix}--tag--sm ${prefix}--layout--size-sm ${prefix}--tag--${type}`}
    >
      <span className={`${prefix}--tag__label`}>{children}</span>
    </span>
  );
}
