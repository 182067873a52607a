import { InlineNotification } from '@carbon/react';

/** One way of sending a plan, and why the engine would refuse it (null: it would not). */
export interface SendingRefusal {
  /** The id of the reason's text: the refused button points at it with `aria-describedby`. */
  id: string;
  reason: string | null;
}

export interface PermissionRefusalsProps {
  /** Sending at once: one request, one transaction. */
  direct: SendingRefusal;
  /** Sending as a batch. */
  batch: SendingRefusal;
  /** The warning's title when both, only the direct way, or only the batch is refused. */
  titles: { both: string; directRefused: string; batchRefused: string };
}

/**
 * What the operator may not send, before they try: the engine's permission checks, asked ahead.
 * Nothing when both ways are allowed.
 */
export function PermissionRefusals({ direct, batch, titles }: PermissionRefusalsProps) {
  if (direct.reason === null && batch.reason === null) {
    return null;
  }
  return (
    <InlineNotification
      kind="warning"
      role="status"
      lowContrast
      hideCloseButton
      title={
        direct.reason !== null && batch.reason !== null
          ? titles.both
          : direct.reason !== null
            ? titles.directRefused
            : titles.batchRefused
      }
    >
      {direct.reason !== null && <span id={direct.id}>{direct.reason} </span>}
      {batch.reason !== null && <span id={batch.id}>{batch.reason}</span>}
    </InlineNotification>
  );
}
