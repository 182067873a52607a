/**
 * The instances a reviewed modification of many is sent for, and what the console may say about
 * how many it changed. A query sent as it is lets the engine choose the instances when the
 * request runs: instances that start to match after the review would be modified too, so the
 * number reviewed would not be the number changed. So the review reads the matching ids and the
 * request names exactly those (`processInstanceIds`); only when more match than one review can
 * list is the query sent, and the number changed is then read back from the engine afterwards.
 */
import type { UserOperationLogEntryDto } from '../../../../contract/camunda/history';
import type { SelectedInstances } from '../../../lib/process-instance-query';

/**
 * The most instances a review reads by id. `POST /process-instance` answers whole instance DTOs
 * (about 250 bytes each in JSON, a historic one about 700), so 5,000 are about 1–4 MB; beyond
 * that the query itself is sent.
 */
export const PINNED_SELECTION_LIMIT = 5_000;

export type ReviewedSelection =
  /** The ticked rows, by id. */
  | { kind: 'ticked'; processInstanceIds: string[] }
  /** The query's matches when the review was opened, sent by id: exactly these are modified. */
  | { kind: 'pinned'; processInstanceIds: string[]; query: SelectedInstances }
  /** More matched than a review lists: the query is sent, the engine selects when it runs. */
  | { kind: 'query'; instances: SelectedInstances; countAtReview: number };

/** The instance source the request carries. */
export function toRequestInstances(selection: ReviewedSelection): SelectedInstances {
  return selection.kind === 'query'
    ? selection.instances
    : { processInstanceIds: selection.processInstanceIds };
}

/** How many instances the request modifies when it succeeds; null when the engine decides. */
export function exactCount(selection: ReviewedSelection): number | null {
  return selection.kind === 'query' ? null : selection.processInstanceIds.length;
}

/**
 * How many instances a synchronous modification changed, as far as it was read: the ids sent
 * (`/modification/execute` changes every one or, failing for one, none), or the `nrOfInstances`
 * entry Camunda logs with the operation; otherwise why it is not known.
 */
export type ModifiedCount =
  | { kind: 'exact'; count: number; source: 'ids' | 'operationLog' }
  | { kind: 'unknown'; reason: string };

export const NO_LOG_ENTRY_REASON =
  'the engine wrote no operation log entry for it (Camunda writes one only for an authenticated user, and only at history level full)';

/**
 * The `nrOfInstances` entry of this operation among the entries read after it, given the ids of
 * the entries read just before it was sent (both the same filter: this user, this definition,
 * newest first). Exactly one new entry is this operation's; none or several cannot be told.
 */
export function modifiedCountFromLog(
  before: readonly UserOperationLogEntryDto[],
  after: readonly UserOperationLogEntryDto[],
): ModifiedCount {
  const known = new Set(before.map(({ id }) => id));
  const fresh = after.filter(({ id }) => !known.has(id));
  const [entry, ...others] = fresh;
  if (entry === undefined) {
    return { kind: 'unknown', reason: NO_LOG_ENTRY_REASON };
  }
  const count = Number(entry.newValue);
  if (others.length > 0 || !Number.isSafeInteger(count)) {
    return {
      kind: 'unknown',
      reason:
        'other modifications of this definition were logged at the same time, and the log does not say which entry is this one',
    };
  }
  return { kind: 'exact', count, source: 'operationLog' };
}
