import { Button } from '@carbon/react';
import { useId } from 'react';

/** What the action menus of one instance and of many have in common. */
export interface MenuAction {
  /** Unique in its list. */
  id: string;
  /** `moveHere` is the step the operator is in the middle of: the target of a move. */
  kind: string;
  label: string;
  enabled: boolean;
  /** Why the action is not possible; null when enabled. */
  reason: string | null;
  /** What the operator should know before choosing it. */
  note: string | null;
}

export interface ActionButtonListProps<A extends MenuAction> {
  actions: readonly A[];
  onAction: (action: A) => void;
  /** The reason as shown beside a disabled action; by default `Not possible: <reason>`. */
  describeReason?: (action: A, reason: string) => string;
  /** Which instance the action acts on, when there is a choice. */
  describeInstance?: (action: A) => string | null;
}

/**
 * Actions as a list of buttons. An action that is not possible stays in the list, disabled, with
 * its reason beside it; reason, instance and note are the button's description for screen readers.
 */
export function ActionButtonList<A extends MenuAction>({
  actions,
  onAction,
  describeReason = (_action, reason) => `Not possible: ${reason}`,
  describeInstance = () => null,
}: ActionButtonListProps<A>) {
  const idPrefix = useId();
  return (
    <ul className="modification-actions">
      {actions.map((action) => {
        const reasonId = `${idPrefix}-${action.id}-reason`;
        const noteId = `${idPrefix}-${action.id}-note`;
        const detailsId = `${idPrefix}-${action.id}-details`;
        const reason =
          action.enabled || action.reason === null ? null : describeReason(action, action.reason);
        const details = describeInstance(action);
        const describedBy = [
          reason === null ? null : reasonId,
          action.note === null ? null : noteId,
          details === null ? null : detailsId,
        ].filter((id) => id !== null);
        return (
          <li key={action.id}>
            <Button
              kind={action.kind === 'moveHere' ? 'primary' : 'tertiary'}
              size="sm"
              disabled={!action.enabled}
              aria-describedby={describedBy.length === 0 ? undefined : describedBy.join(' ')}
              onClick={() => {
                onAction(action);
              }}
            >
              {action.label}
            </Button>
            {details !== null && (
              <p id={detailsId} className="modification-action__details">
                {details}
              </p>
            )}
            {reason !== null && (
              <p id={reasonId} className="modification-action__reason">
                {reason}
              </p>
            )}
            {action.note !== null && (
              <p id={noteId} className="modification-action__note">
                {action.note}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
