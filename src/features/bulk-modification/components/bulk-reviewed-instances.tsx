import { InlineLoading } from '@carbon/react';

import { ErrorNotification } from '../../../components/error-notification';
import { PINNED_SELECTION_LIMIT } from '../model/reviewed-selection';
import type { ReviewedSelection } from '../model/reviewed-selection';

export interface BulkReviewedInstancesProps {
  selection: ReviewedSelection | undefined;
  error: unknown;
  /** In words: how the instances were chosen. */
  description: string;
}

const LIMIT_TEXT = PINNED_SELECTION_LIMIT.toLocaleString('en');

/**
 * The "Instances" section of the review: how many the request names and whether exactly these are
 * modified. Every number shown is one the engine answered when the review opened.
 */
export function BulkReviewedInstances({
  selection,
  error,
  description,
}: BulkReviewedInstancesProps) {
  if (error !== null) {
    return <ErrorNotification title="The selected instances could not be read" error={error} />;
  }
  if (selection === undefined) {
    return <InlineLoading description="Reading the instances the request will name…" />;
  }
  switch (selection.kind) {
    case 'ticked':
      return (
        <p>
          This request modifies the <strong>{selection.processInstanceIds.length}</strong> ticked{' '}
          {instances(selection.processInstanceIds.length)}, named by id.
        </p>
      );
    case 'pinned':
      return (
        <>
          <p>
            <strong>{selection.processInstanceIds.length}</strong>{' '}
            {instances(selection.processInstanceIds.length)} matched {description} when this review
            opened. The request names exactly these by id (<code>processInstanceIds</code>
            ): an instance that starts to match later is not modified, and one that has ended by
            then makes the engine refuse the request.
          </p>
          {selection.processInstanceIds.length > 0 && (
            <details className="bulk-review__ids">
              <summary>The {selection.processInstanceIds.length} ids</summary>
              <ul aria-label="Ids the request names">
                {selection.processInstanceIds.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      );
    case 'query':
      return (
        <p>
          <strong>{selection.countAtReview}</strong> {instances(selection.countAtReview)} matched{' '}
          {description} when this review opened: more than the {LIMIT_TEXT} a review names by id.
          The request sends the query, so the engine selects the instances when it runs, and
          instances that match by then are modified too. How many it modified is read from the
          engine afterwards.
        </p>
      );
  }
}

function instances(count: number): string {
  return count === 1 ? 'instance' : 'instances';
}
