import { useEffect, useRef } from 'react';

/**
 * A ref for the place a dialog writes the outcome of sending (Camunda's refusal, a stale-state
 * stop): below the request in a long dialog it would be out of sight, so it is brought into view
 * whenever `outcome` becomes a new non-null value.
 */
export function useScrollIntoViewOn<T extends HTMLElement>(outcome: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (outcome !== null) {
      ref.current?.scrollIntoView({ block: 'center' });
    }
  }, [outcome]);
  return ref;
}
