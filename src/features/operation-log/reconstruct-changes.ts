import type { UserOperationLogEntryDto } from '../../../contract/camunda/history';
import { parseCamundaDate } from '../../lib/camunda-date';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';

/**
 * How far from an operation's log timestamp its token changes may lie. Camunda writes the log
 * entry at the end of the modification command, with the same clock as the history, so a
 * command's own changes lie milliseconds apart; the margin covers slow listeners.
 */
export const CHANGE_WINDOW_MS = 2_000;

/** The instances of one activity that an operation removed or added. */
export interface TokenChange {
  activityId: string;
  /** The activity's name, or its id when it has none. */
  activityName: string;
  activityType: string;
  instances: number;
  /** Of `instances`, how many ended again within the window (a gateway, a sync service task). */
  passedThrough: number;
  /** Whether the instances held other changed tokens (a subprocess created or cancelled with them). */
  isScope: boolean;
}

export interface TokenChanges {
  removed: TokenChange[];
  added: TokenChange[];
}

/** The parts of a log entry the reconstruction reads. */
export type LoggedTime = Pick<UserOperationLogEntryDto, 'operationId' | 'timestamp'>;

export interface ReconstructChangesInput {
  /** The modification whose changes are wanted. */
  operation: LoggedTime;
  /**
   * The instance's log entries around that time; the operation's own are ignored. An event
   * nearer to another operation than to this one belongs to that one.
   */
  nearbyEntries: readonly (LoggedTime & Pick<UserOperationLogEntryDto, 'entityType'>)[];
  /** The instance's whole activity history. */
  activityInstances: readonly HistoricActivityInstanceDto[];
  windowMs?: number;
}

/**
 * Reconstructs what a modification of one instance changed, from the instance's activity history
 * alone (the log keeps no instructions): activity instances cancelled around the operation's
 * timestamp were removed, those started around it were added.
 *
 * Each start or end event belongs to the nearest of this operation, the other operations and the
 * instance's own start (which the log does not record), so tokens an instance got when it started
 * a moment earlier, or that a neighbouring modification moved, are not counted. Ties go to the
 * other event: better to miss a change than to claim a stranger's. An instance both started and
 * cancelled by the operation counts as added and passed through. Changes the log cannot explain
 * (a job or a timer firing at the same moment) are counted too: the result is a reconstruction.
 */
export function reconstructChanges({
  operation,
  nearbyEntries,
  activityInstances,
  windowMs = CHANGE_WINDOW_MS,
}: ReconstructChangesInput): TokenChanges {
  const operationTime = parseCamundaDate(operation.timestamp);
  if (operationTime === null) {
    return { removed: [], added: [] };
  }
  // reduce, not Math.min(...): a long-running instance's history can exceed the argument limit.
  const instanceStart = activityInstances.reduce(
    (earliest, { startTime }) => Math.min(earliest, parseCamundaDate(startTime) ?? Infinity),
    Infinity,
  );
  const otherTimes = [
    ...nearbyEntries
      .filter(
        // Annotating refers to an earlier operation and moves no token.
        ({ operationId, entityType }) =>
          operationId !== operation.operationId && entityType !== 'OperationLog',
      )
      .map(({ timestamp }) => parseCamundaDate(timestamp)),
    Number.isFinite(instanceStart) ? instanceStart : null,
  ].filter((time): time is number => time !== null);

  const belongsToOperation = (time: number | null): boolean => {
    if (time === null) {
      return false;
    }
    const distance = Math.abs(time - operationTime);
    return distance <= windowMs && otherTimes.every((other) => Math.abs(time - other) > distance);
  };

  const added: HistoricActivityInstanceDto[] = [];
  const passedThrough = new Set<string>();
  const removed: HistoricActivityInstanceDto[] = [];
  for (const instance of activityInstances) {
    const endedNow = belongsToOperation(parseCamundaDate(instance.endTime));
    if (belongsToOperation(parseCamundaDate(instance.startTime))) {
      added.push(instance);
      if (endedNow) {
        passedThrough.add(instance.id);
      }
    } else if (endedNow && instance.canceled) {
      removed.push(instance);
    }
  }

  return {
    removed: summarise(removed, passedThrough),
    added: summarise(added, passedThrough),
  };
}

/** `Review (3)`, `Approval (1, scope)`, `Gateway (1, passed through)`. */
export function describeTokenChange(change: TokenChange): string {
  const details = [String(change.instances)];
  if (change.activityType === 'multiInstanceBody') {
    details.push('multi-instance body');
  } else if (change.isScope) {
    details.push('scope');
  }
  if (change.passedThrough === change.instances) {
    details.push('passed through');
  } else if (change.passedThrough > 0) {
    details.push(`${change.passedThrough} passed through`);
  }
  return `${change.activityName} (${details.join(', ')})`;
}

function summarise(
  instances: readonly HistoricActivityInstanceDto[],
  passedThrough: ReadonlySet<string>,
): TokenChange[] {
  const parents = new Set(
    instances.map(({ parentActivityInstanceId }) => parentActivityInstanceId),
  );
  const changes = new Map<string, TokenChange>();
  for (const instance of instances) {
    let change = changes.get(instance.activityId);
    if (change === undefined) {
      change = {
        activityId: instance.activityId,
        activityName: instance.activityName ?? stripBodySuffix(instance.activityId),
        activityType: instance.activityType,
        instances: 0,
        passedThrough: 0,
        isScope: false,
      };
      changes.set(instance.activityId, change);
    }
    change.instances += 1;
    if (passedThrough.has(instance.id)) {
      change.passedThrough += 1;
    }
    if (parents.has(instance.id)) {
      change.isScope = true;
    }
  }
  return [...changes.values()];
}

/** A multi-instance body's id is the inner activity's id plus `#multiInstanceBody`. */
function stripBodySuffix(activityId: string): string {
  return activityId.replace(/#multiInstanceBody$/, '');
}
