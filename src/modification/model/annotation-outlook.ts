/**
 * Whether a modification's annotation will reach Camunda's user operation log, from what the
 * console has found out about the engine. Camunda writes the log only at history level full
 * (`USER_OPERATION_LOG` is produced by `HistoryLevelFull` alone) and, by default, only for an
 * authenticated user (`UserOperationLogManager.isUserOperationLogEnabled`,
 * `restrictUserOperationLogToAuthenticatedUsers`).
 */
import type { AuthenticationState } from '../../api/engine-capabilities';
import type { HistoryLevelFinding } from '../../api/history-level';

export type AnnotationOutlook =
  | { kind: 'pending' }
  | { kind: 'recorded' }
  | { kind: 'not-recorded'; reasons: string[] }
  | { kind: 'unconfirmed'; reasons: string[] };

/** The authentication probe as the dialog sees it: answered, still asked, or failed. */
export type AuthenticationFinding = AuthenticationState | 'pending' | 'unknown';

export const AUTHENTICATION_OFF_REASON =
  'This engine does not check credentials, so no user is authenticated, and Camunda writes the user operation log only for an authenticated user (its default).';

const AUTHENTICATION_UNKNOWN_REASON =
  'The console could not find out whether the engine checks credentials, and Camunda writes the user operation log only for an authenticated user (its default).';

export function annotationOutlook(
  authentication: AuthenticationFinding,
  history: HistoryLevelFinding,
): AnnotationOutlook {
  const lost: string[] = [];
  if (authentication === 'off') {
    lost.push(AUTHENTICATION_OFF_REASON);
  }
  if (history.kind === 'detected' && history.level !== 'full') {
    lost.push(
      `The engine runs at history level ${history.level}, and Camunda writes the user operation log only at level full. ${history.evidence}`,
    );
  }
  if (lost.length > 0) {
    return { kind: 'not-recorded', reasons: lost };
  }
  if (authentication === 'pending' || history.kind === 'pending') {
    return { kind: 'pending' };
  }
  if (authentication === 'on' && history.kind === 'detected') {
    return { kind: 'recorded' };
  }
  const doubts: string[] = [];
  if (authentication === 'unknown') {
    doubts.push(AUTHENTICATION_UNKNOWN_REASON);
  }
  if (history.kind === 'unknown') {
    doubts.push(
      `The console cannot tell the engine's history level, and Camunda writes the user operation log only at level full. ${history.reason}`,
    );
  }
  return { kind: 'unconfirmed', reasons: doubts };
}
