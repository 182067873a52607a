import type { LoggedOperation } from './group-operations';
import { ModificationChanges } from './modification-changes';

interface OperationDetailsProps {
  operation: LoggedOperation;
}

/** The expanded part of a log row: the operation's entries and, for a modification, its changes. */
export function OperationDetails({ operation }: OperationDetailsProps) {
  const { operationId, processInstanceId, properties } = operation;
  const facts = [
    ['Operation ID', operationId],
    ['Log entries', String(operation.entries.length)],
    ['Process definition', operation.processDefinitionKey ?? operation.processDefinitionId],
    ['Process instance', processInstanceId],
    ['Batch', operation.batchId],
  ] as const;

  return (
    <div className="operation-details">
      <div className="operation-details__column">
        <dl className="operation-details__facts">
          {facts.map(([term, value]) =>
            value === null ? null : (
              <div key={term} className="operation-details__fact">
                <dt>{term}</dt>
                <dd>{value}</dd>
              </div>
            ),
          )}
        </dl>
        {properties.length > 0 && (
          <section aria-label="Changed properties">
            <h3 className="operation-details__title">Changed properties</h3>
            <ul className="operation-details__properties">
              {properties.map(({ entryId, property, orgValue, newValue }) => (
                <li key={entryId}>
                  <code>{property}</code>: {orgValue ?? '—'} → {newValue ?? '—'}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {operation.operationType === 'ModifyProcessInstance' && (
        <div className="operation-details__column">
          {processInstanceId === null ? (
            <p className="operation-details__note">
              This modification covered several instances at once. What changed is reconstructed
              only for a modification of a single instance.
            </p>
          ) : (
            <ModificationChanges
              operationId={operationId}
              processInstanceId={processInstanceId}
              timestamp={operation.timestamp}
            />
          )}
        </div>
      )}
    </div>
  );
}
