/**
 * Camunda's history levels: how much history the engine writes. Camunda Run and the Spring Boot
 * starter default to `full`; installations lower it to save database space, and then a client
 * finds less in `/history/*` than it wrote.
 */

/** `ProcessEngineConfiguration.HISTORY_NONE` … `HISTORY_FULL`, in increasing order. */
export const HISTORY_LEVELS = ['none', 'activity', 'audit', 'full'] as const;

export type HistoryLevel = (typeof HISTORY_LEVELS)[number];

export function isHistoryLevel(text: string): text is HistoryLevel {
  return (HISTORY_LEVELS as readonly string[]).includes(text);
}

/** The kinds of history this engine writes, by the Camunda `HistoryEventTypes` that produce them. */
export type HistoryKind =
  /** PROCESS_INSTANCE_START/UPDATE/END: historic process instances. */
  | 'process-instance'
  /** ACTIVITY_INSTANCE_START/UPDATE/END: historic activity instances. */
  | 'activity-instance'
  /** VARIABLE_INSTANCE_CREATE/UPDATE/DELETE: historic variable instances. */
  | 'variable-instance'
  /** VARIABLE_INSTANCE_UPDATE_DETAIL: a historic detail (variable update) per write. */
  | 'variable-update-detail'
  /** USER_OPERATION_LOG. */
  | 'user-operation-log'
  /** BATCH_START/UPDATE/END: historic batches. */
  | 'batch'
  /** INCIDENT_CREATE/RESOLVE/DELETE: historic incidents. */
  | 'incident';

/** The lowest level that produces each kind. */
const LOWEST_LEVEL: Readonly<Record<HistoryKind, HistoryLevel>> = {
  // HistoryLevelActivity.isHistoryEventProduced: process, task and activity instance events.
  'process-instance': 'activity',
  'activity-instance': 'activity',
  // HistoryLevelAudit adds the VARIABLE_INSTANCE_* events.
  'variable-instance': 'audit',
  // HistoryLevelFull produces every event; DbHistoryEventHandler.shouldWriteHistoricDetail asks
  // for VARIABLE_INSTANCE_UPDATE_DETAIL, which only full produces. USER_OPERATION_LOG (checked by
  // UserOperationLogManager.isHistoryEventProduced) and the BATCH_* events are full only too.
  'variable-update-detail': 'full',
  'user-operation-log': 'full',
  batch: 'full',
  incident: 'full',
};

/** Camunda's `HistoryLevel.isHistoryEventProduced` for the kinds above. */
export function isHistoryProduced(level: HistoryLevel, kind: HistoryKind): boolean {
  return HISTORY_LEVELS.indexOf(level) >= HISTORY_LEVELS.indexOf(LOWEST_LEVEL[kind]);
}
