/**
 * How often the console re-reads engine state that changes by itself. Queries poll only while
 * something is still in progress and the tab is visible
 * (docs/architecture.md#server-state-and-polling); tests inject shorter intervals.
 */

/**
 * Batches: one `GET /batch/statistics` for the whole dashboard (or one batch's page) per
 * interval. Camunda's own monitor job looks only every 30 s; 3 s keeps the progress bars lively
 * without loading the engine.
 */
export const BATCH_POLL_INTERVAL_MS = 3_000;
