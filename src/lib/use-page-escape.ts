import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `onEscape` for an Escape that nothing else on the page takes, while `enabled`: not one a
 * dialog closes on or a menu handles (they call `preventDefault`, as Carbon's modals and
 * Downshift's lists do), nor one typed into a text field or pressed inside a dialog.
 */
export function usePageEscape(onEscape: () => void, enabled = true): void {
  const handleEscape = useEffectEvent(onEscape);
  useEffect(() => {
    if (!enabled) {
      return;
    }
    // On window, so that it runs after every handler on the document and below it, Carbon's
    // modal included, and sees whether one of them took the key.
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !isTakenBy(event.target)) {
        handleEscape();
      }
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => {
      window.removeEventListener('keydown', handleKeyDown);
    };
  }, [enabled]);
}

function isTakenBy(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]') !== null
  );
}
