import {
  Button,
  DataTableSkeleton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableExpandedRow,
  TableExpandHeader,
  TableExpandRow,
  TableHead,
  TableHeader,
  TableRow,
} from '@carbon/react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Fragment, useId, useState } from 'react';

import { ErrorNotification } from '../../components/error-notification';
import { RouterLink } from '../../components/router-link';
import { formatCamundaTimestamp, parseCamundaDate } from '../../lib/camunda-date';
import { groupOperations } from './group-operations';
import type { LoggedOperation } from './group-operations';
import { OperationAnnotation } from './operation-annotation';
import { OperationDetails } from './operation-details';
import { operationLogQueries } from './operation-log-queries';
import type { OperationLogFilters } from './operation-log-queries';

import './operation-log.scss';

const TABLE_LABEL = 'Operation log';

interface OperationLogTableProps {
  filters: OperationLogFilters;
  /** False where every row is of one instance anyway (the instance page). */
  showInstanceColumn?: boolean;
  /** Shown instead of the table when nothing matches. */
  emptyMessage?: string;
}

/**
 * The user operation log, newest first: one row per operation (its entries grouped), with the
 * annotation editable in place and the details, for modifications what they changed, expandable.
 */
export function OperationLogTable({
  filters,
  showInstanceColumn = true,
  emptyMessage = 'No operations match.',
}: OperationLogTableProps) {
  const log = useInfiniteQuery({
    ...operationLogQueries.list(filters),
    select: (data) => ({
      entries: data.pages.reduce((sum, page) => sum + page.length, 0),
      operations: groupOperations(data.pages.flat()),
    }),
  });
  const { data: total } = useQuery(operationLogQueries.count(filters));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const expandHeaderId = useId();

  const headers = [
    'When',
    'Who',
    'Operation',
    'Entity',
    ...(showInstanceColumn ? ['Process instance'] : []),
    'Annotation',
  ];

  if (log.isPending) {
    return (
      <DataTableSkeleton
        aria-label={`${TABLE_LABEL} (loading)`}
        headers={headers.map((header) => ({ key: header, header }))}
        columnCount={headers.length}
        rowCount={3}
        showHeader={false}
        showToolbar={false}
      />
    );
  }
  if (log.data === undefined) {
    return <ErrorNotification title="The operation log could not be loaded" error={log.error} />;
  }
  const { entries, operations } = log.data;
  if (operations.length === 0) {
    return <p>{emptyMessage}</p>;
  }

  const toggle = (operationId: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(operationId)) {
        next.add(operationId);
      }
      return next;
    });
  };

  return (
    <div className="operation-log-table">
      <TableContainer>
        <Table aria-label={TABLE_LABEL} size="md">
          <TableHead>
            <TableRow>
              <TableExpandHeader id={expandHeaderId} aria-label="Details" />
              {headers.map((header) => (
                <TableHeader key={header}>{header}</TableHeader>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {operations.map((operation) => (
              <OperationRow
                key={operation.operationId}
                operation={operation}
                columnCount={headers.length + 1}
                expandHeaderId={expandHeaderId}
                isExpanded={expanded.has(operation.operationId)}
                showInstanceColumn={showInstanceColumn}
                onToggle={toggle}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <div className="operation-log-table__footer">
        <span>
          {total === undefined
            ? `${String(entries)} entries`
            : `${String(entries)} of ${String(total)} entries`}{' '}
          ({operations.length} {operations.length === 1 ? 'operation' : 'operations'})
        </span>
        {log.hasNextPage && (
          <Button
            kind="tertiary"
            size="sm"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        )}
      </div>
      {log.error !== null && (
        <ErrorNotification
          title={
            log.isFetchNextPageError
              ? 'More entries could not be loaded'
              : 'The operation log could not be refreshed'
          }
          error={log.error}
        />
      )}
    </div>
  );
}

interface OperationRowProps {
  operation: LoggedOperation;
  columnCount: number;
  expandHeaderId: string;
  isExpanded: boolean;
  showInstanceColumn: boolean;
  onToggle: (operationId: string) => void;
}

function OperationRow({
  operation,
  columnCount,
  expandHeaderId,
  isExpanded,
  showInstanceColumn,
  onToggle,
}: OperationRowProps) {
  const detailsId = useId();
  const { operationId, processInstanceId, timestamp } = operation;
  const epochMs = parseCamundaDate(timestamp);
  return (
    <Fragment>
      <TableExpandRow
        aria-label="Operation details"
        aria-controls={detailsId}
        expandHeader={expandHeaderId}
        isExpanded={isExpanded}
        onExpand={() => {
          onToggle(operationId);
        }}
      >
        <TableCell className="operation-log-table__when">
          <time dateTime={epochMs === null ? undefined : new Date(epochMs).toISOString()}>
            {formatCamundaTimestamp(timestamp)}
          </time>
        </TableCell>
        <TableCell>{operation.userId}</TableCell>
        <TableCell>{operation.operationType}</TableCell>
        <TableCell>{operation.entityTypes.join(', ')}</TableCell>
        {showInstanceColumn && (
          <TableCell className="operation-log-table__instance">
            {processInstanceId === null ? (
              '—'
            ) : (
              <RouterLink
                to="/process-instances/$processInstanceId"
                params={{ processInstanceId }}
                title={processInstanceId}
              >
                {processInstanceId}
              </RouterLink>
            )}
          </TableCell>
        )}
        <TableCell className="operation-log-table__annotation">
          <OperationAnnotation
            operationId={operationId}
            annotation={operation.annotation}
            category={operation.entries[0]?.category ?? null}
            processDefinitionKey={operation.entries[0]?.processDefinitionKey ?? null}
          />
        </TableCell>
      </TableExpandRow>
      {isExpanded && (
        <TableExpandedRow id={detailsId} colSpan={columnCount}>
          <OperationDetails operation={operation} />
        </TableExpandedRow>
      )}
    </Fragment>
  );
}
