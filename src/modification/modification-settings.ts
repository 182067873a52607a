/**
 * Settings of the modification feature. Change them here; components take them as default props,
 * so tests and embedding pages can override them.
 */

/**
 * Whether an annotation (the reason for the repair, written to Camunda's user operation log) must
 * be given before a modification is sent.
 */
export const ANNOTATION_REQUIRED = true;

/** How long the plan must stay unchanged before the engine's preview runs again. */
export const PREVIEW_DEBOUNCE_MS = 300;
