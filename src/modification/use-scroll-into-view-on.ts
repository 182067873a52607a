import { useEffect, useRef } from 'react';

/**
 * A ref for the place where the outcome of sending shows (Camunda's refusal, a stale-state stop,
 * the success): away from the button that sent, it would be out of sight, so it is brought into
 * view whenever `outcome` becomes a new non-null value. With `focus`, focus moves there too, so a
 * keyboard or screen reader user continues from the outcome; the element needs `tabIndex={-1}`.
 */
export function useScrollIntoViewOn<T extends HTMLElement>(
  outcome: unknown,
  { focus = false }: { focus?: boolean } = {},
) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (outcome !== null) {
      ref.current?.scrollIntoView({ block: 'center' });
      if (focus) {
        ref.current?.focus({ preventScroll: true });
      }
    }
  }, [outcome, focus]);
  return ref;
}
