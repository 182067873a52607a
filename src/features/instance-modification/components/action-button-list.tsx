import { Button } from '@carbon/react';
import { useId } from 'react';

/** One action of an element, as the action menus of one instance and of many show it. */
export interface ActionButtonView {
  /** Unique in its list. */
  id: string;
  label: string;
  /** The step the operator is in the middle of (the target of a move). */
  primary: boolean;
  enabled: boolean;
  /** Why the action is not possible, shown while it is disabled. */
  reason: string | null;
  /** Which instance the action acts on, when there is a choice. */
  details: string | null;
  /** What the operator should know before choosing it. */
  note: string | null;
  onClick: () => void;
}

/**
 * Actions as a list of buttons. An action that is not possible stays in the list, disabled, with
 * its reason beside it; reason, instance and note are the button's description for screen readers.
 */
export function ActionButtonList({ actions }: { actions: readonly ActionButtonView[] }) {
  const idPrefix = useId();
  return (
    <ul className="modification-actions">
      {actions.map((action) => {
        const reasonId = `${idPrefix}-${action.id}-reason`;
        const noteId = `${idPrefix}-${action.id}-note`;
        const detailsId = `${idPrefix}-${action.id}-details`;
        const reason = action.enabled ? null : action.reason;
        const describedBy = [
          reason === null ? null : reasonId,
          action.note === null ? null : noteId,
          action.details === null ? null : detailsId,
        ].filter((id) => id !== null);
        return (
          <li key={action.id}>
            <Button
              kind={action.primary ? 'primary' : 'tertiary'}
              size="sm"
              disabled={!action.enabled}
              aria-describedby={describedBy.length === 0 ? undefined : describedBy.join(' ')}
              onClick={action.onClick}
            >
              {action.label}
            </Button>
            {action.details !== null && (
              <p id={detailsId} className="modification-action__details">
                {action.details}
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
