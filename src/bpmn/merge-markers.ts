import type { DiagramMarkers } from './bpmn-diagram';

/**
 * Combines the markers of several sources (the selection, incidents, a pending modification)
 * into one `markers` prop; each class appears once per element, in the order first given.
 */
export function mergeMarkers(...sources: readonly DiagramMarkers[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const source of sources) {
    for (const [elementId, classNames] of Object.entries(source)) {
      const target = (merged[elementId] ??= []);
      for (const className of classNames) {
        if (!target.includes(className)) {
          target.push(className);
        }
      }
    }
  }
  return merged;
}
