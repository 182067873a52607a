/**
 * Which history level an engine runs at, read from what it has written. Camunda's REST API does
 * not say, but the level is fixed per database: `HistoryLevelSetupCommand` stores it on first
 * start and refuses to start with another one ("historyLevel mismatch: configuration says … and
 * database says …"). So anything only one level writes proves the level for good, and the levels
 * write (`HistoryLevelActivity`, `HistoryLevelAudit`, `HistoryLevelFull`):
 * - none: nothing;
 * - activity: process, activity and task instances;
 * - audit: also historic variable instances (`VARIABLE_INSTANCE_CREATE/UPDATE/…`);
 * - full: everything, so also the user operation log (`USER_OPERATION_LOG`), historic batches
 *   (`BATCH_START`) and a historic detail per variable change (`VARIABLE_INSTANCE_UPDATE_DETAIL`,
 *   see `DbHistoryEventHandler.insertHistoricVariableUpdateEntity`).
 * Historic details of form fields are written from audit up (`FORM_PROPERTY_UPDATE`), so only
 * variable updates count as proof of full.
 */

export type HistoryLevelName = 'none' | 'activity' | 'audit' | 'full';

/** The counts the detection reads; each is one `GET …/count`. */
export type HistoryCountName =
  | 'userOperations'
  | 'historicBatches'
  | 'historicVariableUpdates'
  | 'historicVariableInstances'
  | 'historicProcessInstances'
  | 'runtimeVariableInstances'
  | 'runtimeProcessInstances';

/** The request behind each count. */
export const HISTORY_COUNT_REQUESTS: Readonly<
  Record<HistoryCountName, { path: string; query?: Record<string, boolean> }>
> = {
  userOperations: { path: '/history/user-operation/count' },
  historicBatches: { path: '/history/batch/count' },
  historicVariableUpdates: { path: '/history/detail/count', query: { variableUpdates: true } },
  historicVariableInstances: { path: '/history/variable-instance/count' },
  historicProcessInstances: { path: '/history/process-instance/count' },
  runtimeVariableInstances: { path: '/variable-instance/count' },
  runtimeProcessInstances: { path: '/process-instance/count' },
};

export const HISTORY_COUNT_NAMES = Object.keys(HISTORY_COUNT_REQUESTS) as HistoryCountName[];

/** A count as read: a number, `null` when the engine refused it, `undefined` while it loads. */
export type HistoryCounts = Readonly<Record<HistoryCountName, number | null | undefined>>;

export type HistoryLevelFinding =
  | { kind: 'detected'; level: HistoryLevelName; evidence: string }
  /** Nothing read so far proves a level; `reason` says why. */
  | { kind: 'unknown'; reason: string }
  /** Counts still load that could decide it. */
  | { kind: 'pending' };

/**
 * The level the counts prove, checked from the strongest proof down; counts are what the
 * signed-in user may read (an engine with authorization checks may hide some).
 */
export function detectHistoryLevel(counts: HistoryCounts): HistoryLevelFinding {
  const full = fullLevelEvidence(counts);
  if (full !== null) {
    return { kind: 'detected', level: 'full', evidence: full };
  }
  const {
    historicVariableUpdates: updates,
    historicVariableInstances: historicVariables,
    historicProcessInstances: historicInstances,
    runtimeVariableInstances: runtimeVariables,
    runtimeProcessInstances: runtimeInstances,
  } = counts;
  if (isPositive(historicVariables) && updates === 0) {
    return {
      kind: 'detected',
      level: 'audit',
      evidence: `The engine holds ${plural(historicVariables, 'historic variable instance')} but no historic variable update: Camunda records variables from history level audit up, and each change of one only at full.`,
    };
  }
  if (isPositive(historicInstances) && historicVariables === 0 && isPositive(runtimeVariables)) {
    return {
      kind: 'detected',
      level: 'activity',
      evidence: `The engine holds ${plural(historicInstances, 'historic process instance')} and ${plural(runtimeVariables, 'variable')} of running instances, but no historic variable instance: Camunda records process instances from history level activity up, and variables only from audit up.`,
    };
  }
  if (isPositive(runtimeInstances) && historicInstances === 0) {
    return {
      kind: 'detected',
      level: 'none',
      evidence: `The engine runs ${plural(runtimeInstances, 'process instance')} but holds no historic process instance: Camunda records them from history level activity up.`,
    };
  }
  if (HISTORY_COUNT_NAMES.some((name) => counts[name] === undefined)) {
    return { kind: 'pending' };
  }
  const unread = HISTORY_COUNT_NAMES.filter((name) => counts[name] === null);
  return {
    kind: 'unknown',
    reason:
      unread.length > 0
        ? `The engine did not answer every count it was asked (${unread.map((name) => HISTORY_COUNT_REQUESTS[name].path).join(', ')}), and what it answered does not show its history level yet.`
        : 'The engine holds nothing yet that shows its history level: no operation log entry, historic batch or variable update (only history level full writes them), and no variables or instances whose history would show a lower level.',
  };
}

function fullLevelEvidence(counts: HistoryCounts): string | null {
  const { userOperations, historicBatches, historicVariableUpdates } = counts;
  if (isPositive(userOperations)) {
    return `The engine holds ${plural(userOperations, 'user operation log entry', 'user operation log entries')}, which Camunda writes only at history level full.`;
  }
  if (isPositive(historicBatches)) {
    return `The engine holds ${plural(historicBatches, 'historic batch', 'historic batches')}, which Camunda writes only at history level full.`;
  }
  if (isPositive(historicVariableUpdates)) {
    return `The engine holds ${plural(historicVariableUpdates, 'historic variable update')}, which Camunda writes only at history level full.`;
  }
  return null;
}

function isPositive(count: number | null | undefined): count is number {
  return count !== null && count !== undefined && count > 0;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}
