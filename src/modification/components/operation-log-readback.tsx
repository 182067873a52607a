import './annotation-recording.scss';

import { Button, InlineLoading, InlineNotification } from '@carbon/react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { isEngineError } from '../../api/engine-error';
import { ErrorNotification } from '../../components/error-notification';
import { formatCamundaTimestamp } from '../../lib/camunda-date';
import { operationLogReadbackQueries } from '../api/operation-log-readback-queries';
import type { BatchCreation } from '../api/operation-log-readback-queries';
import {
  BATCH_LOG_WINDOW_MS,
  loggedProperty,
  MODIFY_PROCESS_INSTANCE,
} from '../model/operation-log-readback';
import type {
  LoggedOperation,
  OperationLogBaseline,
  OperationLogScope,
} from '../model/operation-log-readback';
import { sentAnnotation } from '../model/sent-annotations';
import type { OperationLogReadbackRequest } from '../use-annotation-recording';
import { useCopyToClipboard } from '../use-copy-to-clipboard';

const WHY_NONE =
  'Camunda writes the user operation log only at history level full and, by default, only for an authenticated user.';

export interface OperationLogReadbackProps {
  request: OperationLogReadbackRequest;
}

/**
 * After a modification was applied directly: the operation log entry it wrote, as the engine
 * stored it (user, time, annotation), or that it wrote none. Only what was read is stated.
 */
export function OperationLogReadback({ request }: OperationLogReadbackProps) {
  if (request.baseline === null) {
    return (
      <ReadbackSection>
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title="The console cannot tell which operation log entry this modification wrote"
          subtitle="The operation log could not be read before sending, so entries written since cannot be told apart."
        />
        <SentAnnotation annotation={request.annotation} />
      </ReadbackSection>
    );
  }
  return <ReadbackSince request={request} baseline={request.baseline} />;
}

function ReadbackSince({
  request,
  baseline,
}: OperationLogReadbackProps & { baseline: OperationLogBaseline }) {
  const operations = useQuery(operationLogReadbackQueries.since(request.scope, baseline));
  const reasons =
    request.outlook.kind === 'not-recorded' || request.outlook.kind === 'unconfirmed'
      ? request.outlook.reasons.join(' ')
      : WHY_NONE;
  return (
    <ReadbackOutcome
      operations={operations}
      annotation={request.annotation}
      foundTitle="Recorded in the operation log"
      others={(count) =>
        `${plural(count, 'more operation was', 'more operations were')} logged for ${scopeWords(request.scope)} since the review opened; the first is shown.`
      }
      noneTitle="No operation log entry was written"
      noneText={`The user operation log has no ${MODIFY_PROCESS_INSTANCE} entry for ${scopeWords(request.scope)} since the review opened. ${reasons}`}
    />
  );
}

export interface BatchOperationLogReadbackProps {
  batchId: string;
  /** The batch as its creation answered, which saves reading it again. */
  batch?: BatchCreation;
  /** The instance the batch modifies, when known: narrows the entries read. */
  scope?: OperationLogScope;
}

/**
 * The operation log entry written when a modification batch was created. Camunda's entries carry
 * no batch id, so they are found by the batch's start time and its creator; other batch types
 * log other operations and show nothing here.
 */
export function BatchOperationLogReadback({
  batchId,
  batch,
  scope,
}: BatchOperationLogReadbackProps) {
  const read = useQuery({
    ...operationLogReadbackQueries.batch(batchId),
    enabled: batch === undefined,
  });
  const creation = batch ?? read.data;
  if (creation === undefined) {
    if (read.error === null) {
      return <InlineLoading description="Reading the batch…" />;
    }
    return (
      <ReadbackSection>
        {isEngineError(read.error) && read.error.status === 404 ? (
          <InlineNotification
            kind="info"
            lowContrast
            hideCloseButton
            title="The batch's operation log entry cannot be looked up"
            subtitle="The batch has finished and the engine keeps no history of it (only history level full does), so when it was created cannot be read."
          />
        ) : (
          <ErrorNotification title="The batch could not be read" error={read.error} />
        )}
        <SentAnnotation annotation={sentAnnotation(batchId) ?? ''} />
      </ReadbackSection>
    );
  }
  if (creation.type !== 'instance-modification') {
    return null;
  }
  const { startTime } = creation;
  if (startTime === null) {
    return (
      <ReadbackSection>
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title="The batch's operation log entry cannot be looked up"
          subtitle="The engine does not say when this batch was created (its batch has no startTime)."
        />
        <SentAnnotation annotation={sentAnnotation(batchId) ?? ''} />
      </ReadbackSection>
    );
  }
  return <BatchCreationEntries batch={{ ...creation, startTime }} scope={scope ?? null} />;
}

function BatchCreationEntries({
  batch,
  scope,
}: {
  batch: BatchCreation & { startTime: string };
  scope: OperationLogScope | null;
}) {
  const operations = useQuery(operationLogReadbackQueries.batchCreation(batch, scope));
  const creator = batch.createUserId === null ? 'any user' : batch.createUserId;
  const seconds = String(BATCH_LOG_WINDOW_MS / 1000);
  return (
    <ReadbackOutcome
      operations={operations}
      annotation={sentAnnotation(batch.id) ?? ''}
      foundTitle="Recorded in the operation log when the batch was created"
      others={(count) =>
        `${plural(count, 'more operation', 'more operations')} by ${creator} within ${seconds} s of the batch's start; the first is shown.`
      }
      noneTitle="No operation log entry was written when the batch was created"
      noneText={`The user operation log has no ${MODIFY_PROCESS_INSTANCE} entry by ${creator}${scope === null ? '' : ` for ${scopeWords(scope)}`} within ${seconds} s of the batch's start (${formatCamundaTimestamp(batch.startTime)}). ${WHY_NONE}`}
    />
  );
}

interface ReadbackOutcomeProps {
  operations: { data: LoggedOperation[] | undefined; error: unknown };
  /** The annotation as sent; empty when not known. */
  annotation: string;
  foundTitle: string;
  others: (count: number) => string;
  noneTitle: string;
  noneText: string;
}

function ReadbackOutcome({
  operations,
  annotation,
  foundTitle,
  others,
  noneTitle,
  noneText,
}: ReadbackOutcomeProps) {
  if (operations.error !== null) {
    return (
      <ReadbackSection>
        <ErrorNotification title="The operation log could not be read" error={operations.error} />
        <SentAnnotation annotation={annotation} />
      </ReadbackSection>
    );
  }
  if (operations.data === undefined) {
    return <InlineLoading description="Reading the operation log…" />;
  }
  const [operation, ...rest] = operations.data;
  if (operation === undefined) {
    return (
      <ReadbackSection>
        <InlineNotification
          kind="warning"
          lowContrast
          hideCloseButton
          title={noneTitle}
          subtitle={noneText}
        />
        <SentAnnotation annotation={annotation} />
      </ReadbackSection>
    );
  }
  const [first] = operation.entries;
  const stored = first?.annotation ?? null;
  const instances = loggedProperty(operation, 'nrOfInstances');
  return (
    <ReadbackSection>
      <InlineNotification
        kind="success"
        lowContrast
        hideCloseButton
        title={foundTitle}
        subtitle="As the engine stored it:"
      />
      <dl className="operation-log-readback__entry">
        <dt>User</dt>
        <dd>{first?.userId ?? 'none'}</dd>
        <dt>Time</dt>
        <dd>{formatCamundaTimestamp(first?.timestamp)}</dd>
        <dt>Annotation</dt>
        <dd>{stored ?? 'none'}</dd>
        {instances !== null && (
          <>
            <dt>Instances</dt>
            <dd>{instances}</dd>
          </>
        )}
        <dt>Operation id</dt>
        <dd>{operation.operationId}</dd>
      </dl>
      {annotation.trim() !== '' && stored !== annotation.trim() && (
        <SentAnnotation annotation={annotation} differs />
      )}
      {rest.length > 0 && <p className="modification-workspace__hint">{others(rest.length)}</p>}
    </ReadbackSection>
  );
}

function ReadbackSection({ children }: { children: ReactNode }) {
  return (
    <section className="operation-log-readback" aria-label="Operation log entry">
      {children}
    </section>
  );
}

/** The annotation as sent, to copy, where the log does not hold it as sent. */
function SentAnnotation({
  annotation,
  differs = false,
}: {
  annotation: string;
  differs?: boolean;
}) {
  const { copied, copy } = useCopyToClipboard();
  if (annotation.trim() === '') {
    return null;
  }
  return (
    <div className="operation-log-readback__sent">
      <p>
        {differs
          ? 'The annotation sent, which differs:'
          : 'The annotation sent, which the log does not hold:'}{' '}
        <q>{annotation}</q>
      </p>
      <Button
        kind="ghost"
        size="sm"
        onClick={() => {
          copy('The annotation', annotation);
        }}
      >
        Copy the annotation
      </Button>
      <p role="status" className="modification-workspace__hint">
        {copied}
      </p>
    </div>
  );
}

function scopeWords(scope: OperationLogScope): string {
  return 'processInstanceId' in scope
    ? 'this instance'
    : 'modifications of many instances of this definition';
}

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}
